namespace CallMyWay.Voice.Telephony.Media.Rtp;

/// <summary>
/// One reception report block of an SR or RR (RFC 3550 §6.4.1): what the reporter received from
/// the source <paramref name="Ssrc"/>.
/// </summary>
/// <param name="Ssrc">The source this block reports on.</param>
/// <param name="FractionLost">Loss since the previous report, in 1/256 units.</param>
/// <param name="CumulativeLost">Packets lost since the start; 24-bit signed on the wire.</param>
/// <param name="ExtendedHighestSequence">Highest sequence number received, with wrap cycles.</param>
/// <param name="Jitter">Interarrival jitter in RTP timestamp units.</param>
/// <param name="LastSenderReport">Middle 32 bits of the NTP timestamp of the last SR from the source (LSR).</param>
/// <param name="DelaySinceLastSenderReport">Delay since that SR, in 1/65536 s (DLSR).</param>
public readonly record struct RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    /// <summary>Size of a report block on the wire.</summary>
    public const int Size = 24;

    /// <summary>Smallest value of the 24-bit signed cumulative-lost field.</summary>
    public const int MinCumulativeLost = -0x800000;

    /// <summary>Largest value of the 24-bit signed cumulative-lost field.</summary>
    public const int MaxCumulativeLost = 0x7FFFFF;

    /// <summary>The fraction lost as a ratio between 0 and 1.</summary>
    public double LossRatio => FractionLost / 256.0;

    /// <summary>The DLSR value for a delay (RFC 3550 §6.4.1: units of 1/65536 s).</summary>
    public static uint ToDelaySinceLastSenderReport(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? 0 : (uint)Math.Min(uint.MaxValue, delay.Ticks * 65536 / TimeSpan.TicksPerSecond);

    /// <summary>
    /// Round-trip time to the reporter, given the compact NTP time at which this block arrived
    /// (RFC 3550 §6.4.1: A - LSR - DLSR); null when the reporter had no SR from us yet.
    /// </summary>
    public TimeSpan? RoundTripTime(uint arrivalCompactNtp)
    {
        if (LastSenderReport == 0)
        {
            return null;
        }

        uint units = unchecked(arrivalCompactNtp - LastSenderReport - DelaySinceLastSenderReport);

        // A result "in the future" means clocks or values are inconsistent; report nothing rather than ~18 h.
        if (units > int.MaxValue)
        {
            return null;
        }

        return TimeSpan.FromTicks(units * TimeSpan.TicksPerSecond / 65536);
    }
}
