namespace CallMyWay.Voice.Telephony.Ivr.Desk;

/// <summary>The cases cannot be read now (the database is unreachable); the IVR tells the caller to try later.</summary>
public sealed class IvrDeskUnavailableException : Exception
{
    public IvrDeskUnavailableException()
        : base("The cases cannot be read now.")
    {
    }

    public IvrDeskUnavailableException(string message)
        : base(message)
    {
    }

    public IvrDeskUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
