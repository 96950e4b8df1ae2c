namespace CallMyWay.Voice.Telephony.Media.Rtp;

/// <summary>The sender information section of an RTCP SR (RFC 3550 §6.4.1).</summary>
/// <param name="NtpTimestamp">Wallclock time of the report, 64-bit NTP format.</param>
/// <param name="RtpTimestamp">The same instant on the sender's RTP clock.</param>
/// <param name="PacketCount">RTP data packets sent since the start.</param>
/// <param name="OctetCount">Payload octets sent since the start (headers and padding excluded).</param>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    /// <summary>Size of the sender information on the wire.</summary>
    public const int Size = 20;

    private static readonly DateTimeOffset NtpEpoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The middle 32 bits of the NTP timestamp, as echoed in LSR (RFC 3550 §6.4.1).</summary>
    public uint CompactNtpTimestamp => ToCompactNtp(NtpTimestamp);

    /// <summary>Converts a wallclock time (e.g. from <see cref="TimeProvider.GetUtcNow"/>) to 64-bit NTP format.</summary>
    public static ulong ToNtpTimestamp(DateTimeOffset time)
    {
        long ticks = (time - NtpEpoch).Ticks;
        ulong seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
        ulong fraction = (ulong)(ticks % TimeSpan.TicksPerSecond) * (1UL << 32) / TimeSpan.TicksPerSecond;

        // NTP era 0 ends in 2036; the seconds field wraps as RFC 5905 §6 defines.
        return (seconds << 32) | fraction;
    }

    /// <summary>The middle 32 bits of a 64-bit NTP timestamp (16.16 fixed point seconds).</summary>
    public static uint ToCompactNtp(ulong ntpTimestamp) => (uint)(ntpTimestamp >> 16);
}
