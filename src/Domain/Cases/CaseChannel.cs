namespace CallMyWay.Voice.Domain.Cases;

/// <summary>How the case reached the desk.</summary>
public enum CaseChannel
{
    Phone,
    Click2call,
    Email,
    Webchat,
    Whatsapp,
}
