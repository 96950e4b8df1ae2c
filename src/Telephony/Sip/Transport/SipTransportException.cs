namespace CallMyWay.Voice.Telephony.Sip.Transport;

/// <summary>A message could not be sent: the transaction layer reports it as a transport error (RFC 3261 §17.1.4).</summary>
public sealed class SipTransportException : Exception
{
    public SipTransportException()
    {
    }

    public SipTransportException(string message)
        : base(message)
    {
    }

    public SipTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
