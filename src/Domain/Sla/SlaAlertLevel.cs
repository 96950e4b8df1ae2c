namespace CallMyWay.Voice.Domain.Sla;

/// <summary>How urgent an SLA alert is: a warning at 75 % of the target, a breach at 100 %.</summary>
public enum SlaAlertLevel
{
    Warning,
    Breach,
}
