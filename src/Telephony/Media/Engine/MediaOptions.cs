using System.Net;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>The <c>Media</c> configuration section: where calls' RTP sockets are bound.</summary>
public sealed class MediaOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Media";

    /// <summary>The lowest port an RTP socket may take; rounded up to even (RFC 3550 §11).</summary>
    public int RtpPortMin { get; set; } = 10000;

    /// <summary>The highest port either socket of a pair may take, so the last RTP port is at most this minus one.</summary>
    public int RtpPortMax { get; set; } = 20000;

    /// <summary>The local address RTP and RTCP sockets are bound to; "0.0.0.0" binds every IPv4 interface.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>The interval between the RTCP reports of a stream (RFC 3550 §6.2), randomised ±50 %.</summary>
    public TimeSpan RtcpInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether sessions look for DTMF tones in the received audio (costs a Goertzel pass per frame).</summary>
    public bool DetectInbandDtmf { get; set; } = true;

    /// <summary>The parsed <see cref="BindAddress"/>; call after validation.</summary>
    public IPAddress GetBindAddress() => IPAddress.Parse(BindAddress);
}
