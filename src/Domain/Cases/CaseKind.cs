namespace CallMyWay.Voice.Domain.Cases;

/// <summary>What a customer asked for; decides which information the case must carry.</summary>
public enum CaseKind
{
    Incident,
    Activation,
    Inquiry,
    Callback,
}
