namespace CallMyWay.Voice.Telephony.Media.Rtp;

/// <summary>
/// Reception statistics of one RTP source: the sequence validation of RFC 3550 Appendix A.1, the
/// loss counts of A.3 and the interarrival jitter of A.8, ready for an RTCP report block.
/// </summary>
public sealed class RtpSequenceTracker
{
    // RFC 3550 Appendix A.1 constants.
    private const int SequenceModulo = 1 << 16;
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;

    private readonly int _minSequential;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private uint _badSequence;
    private int _probation;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private bool _started;

    private bool _hasTransit;
    private int _transit;

    // A.8 keeps the jitter scaled by 16 so that the 1/16 gain stays in integer arithmetic.
    private long _scaledJitter;

    /// <param name="minSequential">
    /// Packets that must arrive in sequence before a new source counts as valid (A.1 MIN_SEQUENTIAL).
    /// </param>
    public RtpSequenceTracker(int minSequential = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minSequential, 1);
        _minSequential = minSequential;
    }

    /// <summary>Whether the source has passed probation and its counts are meaningful.</summary>
    public bool IsValid => _started && _probation == 0;

    /// <summary>The highest sequence number received, extended by 65536 for every wrap (A.1).</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>The first sequence number counted, extended like <see cref="ExtendedHighestSequence"/>.</summary>
    public uint BaseSequence => _baseSequence;

    /// <summary>Valid packets received, duplicates included (A.3).</summary>
    public long PacketsReceived => _received;

    /// <summary>Packets the sender has sent since <see cref="BaseSequence"/> (A.3).</summary>
    public long PacketsExpected => IsValid ? (long)ExtendedHighestSequence - _baseSequence + 1 : 0;

    /// <summary>Expected minus received; negative when duplicates arrived (A.3).</summary>
    public long CumulativeLost => PacketsExpected - _received;

    /// <summary>Interarrival jitter in RTP timestamp units (A.8).</summary>
    public uint Jitter => (uint)(_scaledJitter >> 4);

    /// <summary>
    /// Accounts one packet's sequence number; returns whether it is valid, that is counted, rather
    /// than a probation packet or a jump that needs a second packet to confirm a restart (A.1).
    /// </summary>
    public bool Update(ushort sequenceNumber)
    {
        if (!_started)
        {
            InitSequence(sequenceNumber);
            _maxSequence = (ushort)(sequenceNumber - 1);
            _probation = _minSequential;
            _started = true;
        }

        ushort delta = (ushort)(sequenceNumber - _maxSequence);
        if (_probation > 0)
        {
            if (sequenceNumber == (ushort)(_maxSequence + 1))
            {
                _probation--;
                _maxSequence = sequenceNumber;
                if (_probation == 0)
                {
                    InitSequence(sequenceNumber);
                    _received++;
                    return true;
                }
            }
            else
            {
                _probation = _minSequential - 1;
                _maxSequence = sequenceNumber;
            }

            return false;
        }

        if (delta < MaxDropout)
        {
            // In order, with a permissible gap; a smaller number means the 16-bit counter wrapped.
            if (sequenceNumber < _maxSequence)
            {
                _cycles += SequenceModulo;
            }

            _maxSequence = sequenceNumber;
        }
        else if (delta <= SequenceModulo - MaxMisorder)
        {
            // A very large jump: the source restarted or sent garbage. Two in a row confirm a restart.
            if (sequenceNumber == _badSequence)
            {
                InitSequence(sequenceNumber);
            }
            else
            {
                _badSequence = (uint)((sequenceNumber + 1) & (SequenceModulo - 1));
                return false;
            }
        }

        // Otherwise a duplicate or a reordered packet: counted, the maximum stays.
        _received++;
        return true;
    }

    /// <summary>
    /// Accounts one packet and, when it is valid, its contribution to the jitter. The arrival time is
    /// in the same units as the RTP timestamp (e.g. 1/8000 s for G.711), from any fixed origin.
    /// </summary>
    public bool Update(ushort sequenceNumber, uint rtpTimestamp, uint arrival)
    {
        bool valid = Update(sequenceNumber);
        if (valid)
        {
            UpdateJitter(rtpTimestamp, arrival);
        }

        return valid;
    }

    /// <summary>
    /// Returns the fraction of packets lost since the previous call, in 1/256 units as the RTCP report
    /// block carries it, and starts a new interval (A.3).
    /// </summary>
    public byte TakeFractionLost()
    {
        long expected = PacketsExpected;
        long expectedInterval = expected - _expectedPrior;
        long receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval <= 0 || lostInterval <= 0)
        {
            return 0;
        }

        return (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
    }

    /// <summary>
    /// Builds the report block about this source for the next SR or RR; this starts a new interval
    /// for the fraction lost. <paramref name="lastSenderReport"/> and the delay are zero until an SR arrived.
    /// </summary>
    public RtcpReportBlock CreateReportBlock(uint ssrc, uint lastSenderReport = 0, uint delaySinceLastSenderReport = 0)
    {
        byte fractionLost = TakeFractionLost();
        long lost = Math.Clamp(CumulativeLost, RtcpReportBlock.MinCumulativeLost, RtcpReportBlock.MaxCumulativeLost);
        return new RtcpReportBlock(
            ssrc,
            fractionLost,
            (int)lost,
            ExtendedHighestSequence,
            Jitter,
            lastSenderReport,
            delaySinceLastSenderReport);
    }

    private void UpdateJitter(uint rtpTimestamp, uint arrival)
    {
        // RFC 3550 A.8: D(i-1,i) = (Rj - Ri) - (Sj - Si), J += (|D| - J) / 16. The unsigned
        // subtraction keeps the transit right across 32-bit wraps of either clock.
        int transit = unchecked((int)(arrival - rtpTimestamp));
        if (!_hasTransit)
        {
            _transit = transit;
            _hasTransit = true;
            return;
        }

        long d = Math.Abs((long)unchecked(transit - _transit));
        _transit = transit;
        _scaledJitter += d - ((_scaledJitter + 8) >> 4);
    }

    private void InitSequence(ushort sequenceNumber)
    {
        _baseSequence = sequenceNumber;
        _maxSequence = sequenceNumber;
        _badSequence = SequenceModulo + 1;
        _cycles = 0;
        _received = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;

        // A restarted source has a new timestamp origin; its first transit must not count as jitter.
        _hasTransit = false;
    }
}
