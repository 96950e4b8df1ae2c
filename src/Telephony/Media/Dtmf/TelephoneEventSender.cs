using CallMyWay.Voice.Telephony.Media.Rtp;

namespace CallMyWay.Voice.Telephony.Media.Dtmf;

/// <summary>
/// The packets that send one key as RTP telephone events (RFC 4733 §2.5.1), one per 20 ms frame in
/// place of audio: growing-duration updates, then the final packet three times with the E bit.
/// Packets are computed from their frame index, so the sender keeps no state and allocates nothing.
/// </summary>
public readonly record struct TelephoneEventSender
{
    /// <summary>Times the final packet is sent (RFC 4733 §2.5.1.4).</summary>
    public const int EndPacketCount = 3;

    /// <summary>Bytes of one packet: RTP header and the event.</summary>
    public const int PacketSize = RtpHeader.FixedSize + TelephoneEvent.Size;

    /// <summary>Default volume, -10 dBm0, as sipp and most phones send.</summary>
    public const byte DefaultVolume = 10;

    private const int PacketsPerSecond = 50;

    private readonly int _updatePackets;

    /// <param name="digit">The key: 0-9, *, #, A-D.</param>
    /// <param name="duration">How long the key is held; at most what 16 bits of duration hold (8.19 s at 8 kHz).</param>
    /// <param name="ssrc">The SSRC of the stream the events go in.</param>
    /// <param name="firstSequenceNumber">The sequence number of the first packet; each packet takes the next one.</param>
    /// <param name="timestamp">The RTP timestamp of the key's onset, shared by all its packets.</param>
    /// <param name="payloadType">The telephone-event payload type negotiated in SDP.</param>
    /// <param name="volume">Power level as a positive number of -dBm0.</param>
    /// <param name="clockRate">The telephone-event clock rate negotiated in SDP.</param>
    public TelephoneEventSender(
        char digit,
        TimeSpan duration,
        uint ssrc,
        ushort firstSequenceNumber,
        uint timestamp,
        byte payloadType = 101,
        byte volume = DefaultVolume,
        int clockRate = 8000)
    {
        if (!TelephoneEvent.TryGetEventCode(digit, out byte eventCode))
        {
            throw new ArgumentException($"'{digit}' is not a DTMF key.", nameof(digit));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, (byte)127);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volume, TelephoneEvent.MaxVolume);
        ArgumentOutOfRangeException.ThrowIfLessThan(clockRate, PacketsPerSecond);
        long samples = duration.Ticks * clockRate / TimeSpan.TicksPerSecond;
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1, nameof(duration));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, ushort.MaxValue, nameof(duration));

        EventCode = eventCode;
        DurationSamples = (ushort)samples;
        Ssrc = ssrc;
        FirstSequenceNumber = firstSequenceNumber;
        Timestamp = timestamp;
        PayloadType = payloadType;
        Volume = volume;
        SamplesPerPacket = clockRate / PacketsPerSecond;

        // Every frame the key covers gets a packet; the last of them is the first end packet.
        _updatePackets = (int)((samples + SamplesPerPacket - 1) / SamplesPerPacket) - 1;
    }

    public byte EventCode { get; }

    public char Digit => DtmfKeypad.ToDigit(EventCode);

    /// <summary>The key's duration in RTP timestamp units, as the end packets carry it.</summary>
    public ushort DurationSamples { get; }

    public uint Ssrc { get; }

    public ushort FirstSequenceNumber { get; }

    public uint Timestamp { get; }

    public byte PayloadType { get; }

    public byte Volume { get; }

    /// <summary>RTP timestamp units per 20 ms packet.</summary>
    public int SamplesPerPacket { get; }

    /// <summary>Packets to send, one per 20 ms frame.</summary>
    public int PacketCount => _updatePackets + EndPacketCount;

    /// <summary>The sequence number for the stream's next packet after the last event packet.</summary>
    public ushort NextSequenceNumber => unchecked((ushort)(FirstSequenceNumber + PacketCount));

    /// <summary>The RTP header of packet <paramref name="index"/>: marker on the first (RFC 4733 §2.5.1.2).</summary>
    public RtpHeader GetHeader(int index)
    {
        CheckIndex(index);
        return new RtpHeader(PayloadType, unchecked((ushort)(FirstSequenceNumber + index)), Timestamp, Ssrc, marker: index == 0);
    }

    /// <summary>The event of packet <paramref name="index"/>: duration up to the end of its frame, or the end.</summary>
    public TelephoneEvent GetEvent(int index)
    {
        CheckIndex(index);
        return index < _updatePackets
            ? new TelephoneEvent(EventCode, end: false, Volume, (ushort)((index + 1) * SamplesPerPacket))
            : new TelephoneEvent(EventCode, end: true, Volume, DurationSamples);
    }

    /// <summary>Writes packet <paramref name="index"/> (0 to <see cref="PacketCount"/> - 1); returns its size.</summary>
    public int WritePacket(int index, Span<byte> destination)
    {
        if (destination.Length < PacketSize)
        {
            throw new ArgumentException($"A telephone-event packet needs {PacketSize} bytes.", nameof(destination));
        }

        int written = GetHeader(index).Write(destination);
        return written + GetEvent(index).Write(destination[written..]);
    }

    private void CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, PacketCount);
    }
}
