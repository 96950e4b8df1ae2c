namespace CallMyWay.Voice.Domain.Sla;

/// <summary>Which promise an SLA alert is about: attending the case, or resolving it.</summary>
public enum SlaAlertKind
{
    Attention,
    Resolution,
}
