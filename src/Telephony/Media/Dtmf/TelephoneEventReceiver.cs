using CallMyWay.Voice.Telephony.Media.Rtp;

namespace CallMyWay.Voice.Telephony.Media.Dtmf;

/// <summary>
/// Turns a call's incoming telephone-event packets into key presses, each reported once at the
/// first packet that shows it, whatever updates, end packets and retransmissions follow.
/// </summary>
/// <remarks>
/// A key press is identified by (SSRC, RTP timestamp, event): RFC 4733 §2.5.1.2 keeps the
/// timestamp of an event for all its packets and gives the next event a new one. Sequence numbers
/// are no help: sipp's digit captures each bring their own, and repeat an end packet with the
/// same number; baresip interleaves the events with its audio packets.
/// </remarks>
public sealed class TelephoneEventReceiver
{
    private readonly Entry[] _history;
    private readonly int _clockRate;
    private readonly int _samplesPerPacket;
    private int _next;

    /// <param name="payloadType">The telephone-event payload type negotiated in SDP.</param>
    /// <param name="clockRate">The telephone-event clock rate negotiated in SDP.</param>
    /// <param name="historyCapacity">
    /// Key presses remembered; retransmissions arrive within tens of milliseconds, so a few suffice.
    /// </param>
    public TelephoneEventReceiver(byte payloadType = 101, int clockRate = 8000, int historyCapacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clockRate, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyCapacity, 1);
        PayloadType = payloadType;
        _clockRate = clockRate;
        _samplesPerPacket = clockRate / 50;
        _history = new Entry[historyCapacity];
    }

    /// <summary>Packets of any other payload type are ignored; a re-INVITE may change it.</summary>
    public byte PayloadType { get; set; }

    /// <summary>
    /// Accounts one RTP packet; returns true with the key when the packet is the first one seen of a
    /// new key press. The duration reported is what that packet said so far.
    /// </summary>
    public bool TryReceive(in RtpHeader header, ReadOnlySpan<byte> payload, out DtmfDigit digit)
    {
        digit = default;
        if (header.PayloadType != PayloadType
            || !TelephoneEvent.TryParse(payload, out TelephoneEvent telephoneEvent)
            || !telephoneEvent.IsDtmf)
        {
            return false;
        }

        int index = Find(header.Ssrc, header.Timestamp, telephoneEvent.EventCode);
        if (index >= 0)
        {
            ref Entry seen = ref _history[index];

            // The same key pressed again by replaying the same capture (sipp does) repeats every
            // header field; only its marker bit, after the end was seen, tells it from a retransmission.
            bool replayed = seen.Ended && header.Marker && !telephoneEvent.End;
            seen.Ended = (seen.Ended && !replayed) || telephoneEvent.End;
            seen.Duration = replayed ? telephoneEvent.Duration : Math.Max(seen.Duration, telephoneEvent.Duration);
            if (!replayed)
            {
                return false;
            }
        }
        else
        {
            bool continuation = ContinuesLongEvent(header, telephoneEvent);
            Remember(header, telephoneEvent);
            if (continuation)
            {
                return false;
            }
        }

        digit = new DtmfDigit(
            telephoneEvent.Digit,
            DtmfSource.Rfc4733,
            TimeSpan.FromTicks(telephoneEvent.Duration * TimeSpan.TicksPerSecond / _clockRate));
        return true;
    }

    /// <summary>Forgets every key press seen, e.g. when the remote media source changes.</summary>
    public void Reset()
    {
        Array.Clear(_history);
        _next = 0;
    }

    // RFC 4733 §2.5.1.3: an event longer than the 16-bit duration goes on in a new segment with a
    // new timestamp and no marker bit. It is the same key press, not a new one.
    private bool ContinuesLongEvent(in RtpHeader header, in TelephoneEvent telephoneEvent)
    {
        if (header.Marker)
        {
            return false;
        }

        foreach (ref readonly Entry previous in _history.AsSpan())
        {
            if (previous.InUse
                && !previous.Ended
                && previous.Ssrc == header.Ssrc
                && previous.EventCode == telephoneEvent.EventCode
                && previous.Duration >= ushort.MaxValue - (4 * _samplesPerPacket))
            {
                uint ahead = unchecked(header.Timestamp - previous.Timestamp);
                if (ahead > 0 && ahead <= (uint)ushort.MaxValue + (uint)_samplesPerPacket)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private int Find(uint ssrc, uint timestamp, byte eventCode)
    {
        for (int i = 0; i < _history.Length; i++)
        {
            ref readonly Entry entry = ref _history[i];
            if (entry.InUse && entry.Ssrc == ssrc && entry.Timestamp == timestamp && entry.EventCode == eventCode)
            {
                return i;
            }
        }

        return -1;
    }

    private void Remember(in RtpHeader header, in TelephoneEvent telephoneEvent)
    {
        _history[_next] = new Entry
        {
            InUse = true,
            Ssrc = header.Ssrc,
            Timestamp = header.Timestamp,
            EventCode = telephoneEvent.EventCode,
            Ended = telephoneEvent.End,
            Duration = telephoneEvent.Duration,
        };
        _next = (_next + 1) % _history.Length;
    }

    private struct Entry
    {
        public bool InUse;
        public uint Ssrc;
        public uint Timestamp;
        public byte EventCode;
        public bool Ended;
        public ushort Duration;
    }
}
