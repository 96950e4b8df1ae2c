namespace CallMyWay.Voice.Telephony.Media.Dtmf;

/// <summary>How a DTMF digit reached us.</summary>
public enum DtmfSource
{
    /// <summary>RTP telephone-event packets (RFC 4733).</summary>
    Rfc4733,

    /// <summary>A SIP INFO request with a dtmf-relay or dtmf body.</summary>
    SipInfo,

    /// <summary>Tones in the audio itself, found by <see cref="InbandDtmfDetector"/>.</summary>
    InBand,
}
