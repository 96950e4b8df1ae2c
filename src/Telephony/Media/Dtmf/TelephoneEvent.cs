using System.Buffers.Binary;

namespace CallMyWay.Voice.Telephony.Media.Dtmf;

/// <summary>The 4-byte payload of an RTP telephone-event packet (RFC 4733 §2.3).</summary>
public readonly record struct TelephoneEvent
{
    /// <summary>Size of the payload on the wire.</summary>
    public const int Size = 4;

    /// <summary>The largest volume, -63 dBm0, that the 6-bit field holds.</summary>
    public const byte MaxVolume = 63;

    private const byte EndBit = 0x80;
    private const byte VolumeMask = 0x3F;

    /// <param name="eventCode">The event; 0-15 are the DTMF keys (RFC 4733 §3.2).</param>
    /// <param name="end">The E bit: this packet reports the end of the event.</param>
    /// <param name="volume">Power level as a positive number of -dBm0, 0 to 63.</param>
    /// <param name="duration">Duration so far in RTP timestamp units.</param>
    public TelephoneEvent(byte eventCode, bool end, byte volume, ushort duration)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volume, MaxVolume);
        EventCode = eventCode;
        End = end;
        Volume = volume;
        Duration = duration;
    }

    public byte EventCode { get; }

    public bool End { get; }

    public byte Volume { get; }

    public ushort Duration { get; }

    /// <summary>Whether the event is a DTMF key rather than another named event.</summary>
    public bool IsDtmf => EventCode < DtmfKeypad.KeyCount;

    /// <summary>The key, or '\0' when the event is not DTMF.</summary>
    public char Digit => DtmfKeypad.ToDigit(EventCode);

    /// <summary>The RFC 4733 event code of a key 0-9, *, #, A-D (either case).</summary>
    public static bool TryGetEventCode(char digit, out byte eventCode) => DtmfKeypad.TryGetEventCode(digit, out eventCode);

    /// <summary>Reads the event of a telephone-event payload; the R bit is ignored as §2.3 asks.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent telephoneEvent)
    {
        if (payload.Length < Size)
        {
            telephoneEvent = default;
            return false;
        }

        telephoneEvent = new TelephoneEvent(
            payload[0],
            (payload[1] & EndBit) != 0,
            (byte)(payload[1] & VolumeMask),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the payload; returns <see cref="Size"/>.</summary>
    public int Write(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"A telephone event needs {Size} bytes.", nameof(destination));
        }

        destination[0] = EventCode;
        destination[1] = (byte)((End ? EndBit : 0) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return Size;
    }
}
