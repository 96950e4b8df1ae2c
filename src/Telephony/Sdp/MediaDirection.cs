namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>
/// Which way media flows on a stream, from the point of view of the side that wrote the description
/// (RFC 8866 §6.7, RFC 3264 §5.1).
/// </summary>
public enum MediaDirection
{
    /// <summary>Send and receive; the default when no direction attribute is present.</summary>
    SendRecv,

    /// <summary>Send only; the usual way to put the other side on hold (RFC 3264 §8.4).</summary>
    SendOnly,

    /// <summary>Receive only.</summary>
    RecvOnly,

    /// <summary>Neither send nor receive; RTCP still flows.</summary>
    Inactive,
}
