using System.Buffers.Binary;

namespace CallMyWay.Voice.Telephony.Media.Rtp;

/// <summary>The fixed RTP header of RFC 3550 §5.1, parsed from or written to a datagram.</summary>
public readonly record struct RtpHeader
{
    /// <summary>The only RTP version there is (RFC 3550 §5.1).</summary>
    public const int Version = 2;

    /// <summary>Size of the fixed header without CSRC identifiers or extension.</summary>
    public const int FixedSize = 12;

    /// <summary>The largest CSRC count the 4-bit CC field can hold.</summary>
    public const int MaxCsrcCount = 15;

    private const byte VersionBits = Version << 6;
    private const byte PaddingBit = 0x20;
    private const byte ExtensionBit = 0x10;
    private const byte CsrcCountMask = 0x0F;
    private const byte MarkerBit = 0x80;
    private const byte PayloadTypeMask = 0x7F;

    /// <summary>Creates a header; senders normally set only the first five values.</summary>
    public RtpHeader(
        byte payloadType,
        ushort sequenceNumber,
        uint timestamp,
        uint ssrc,
        bool marker = false,
        bool hasPadding = false,
        bool hasExtension = false,
        int csrcCount = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, PayloadTypeMask);
        ArgumentOutOfRangeException.ThrowIfNegative(csrcCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(csrcCount, MaxCsrcCount);
        PayloadType = payloadType;
        SequenceNumber = sequenceNumber;
        Timestamp = timestamp;
        Ssrc = ssrc;
        Marker = marker;
        HasPadding = hasPadding;
        HasExtension = hasExtension;
        CsrcCount = csrcCount;
    }

    public bool HasPadding { get; }

    public bool HasExtension { get; }

    public int CsrcCount { get; }

    public bool Marker { get; }

    public byte PayloadType { get; }

    public ushort SequenceNumber { get; }

    public uint Timestamp { get; }

    public uint Ssrc { get; }

    /// <summary>
    /// Parses an RTP packet and locates its payload past the CSRC list and header extension, before
    /// any padding. Returns false for anything that is not a well-formed version 2 packet.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeader header, out int payloadOffset, out int payloadLength)
    {
        header = default;
        payloadOffset = 0;
        payloadLength = 0;
        if (packet.Length < FixedSize || packet[0] >> 6 != Version)
        {
            return false;
        }

        byte first = packet[0];
        byte second = packet[1];
        int csrcCount = first & CsrcCountMask;
        bool hasExtension = (first & ExtensionBit) != 0;
        bool hasPadding = (first & PaddingBit) != 0;

        int offset = FixedSize + (4 * csrcCount);
        if (packet.Length < offset)
        {
            return false;
        }

        if (hasExtension)
        {
            // RFC 3550 §5.3.1: a 16-bit profile word, then the extension length in 32-bit words.
            if (packet.Length < offset + 4)
            {
                return false;
            }

            int extensionWords = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
            offset += 4 + (4 * extensionWords);
            if (packet.Length < offset)
            {
                return false;
            }
        }

        int end = packet.Length;
        if (hasPadding)
        {
            // RFC 3550 §5.1: the last octet counts the padding, itself included, so zero is invalid.
            int paddingLength = packet[^1];
            if (paddingLength == 0 || offset + paddingLength > end)
            {
                return false;
            }

            end -= paddingLength;
        }

        header = new RtpHeader(
            (byte)(second & PayloadTypeMask),
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            (second & MarkerBit) != 0,
            hasPadding,
            hasExtension,
            csrcCount);
        payloadOffset = offset;
        payloadLength = end - offset;
        return true;
    }

    /// <summary>Parses an RTP packet and slices out its payload; see the overload with offsets.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeader header, out ReadOnlySpan<byte> payload)
    {
        if (!TryParse(packet, out header, out int offset, out int length))
        {
            payload = default;
            return false;
        }

        payload = packet.Slice(offset, length);
        return true;
    }

    /// <summary>
    /// Writes the 12-byte fixed header and returns its size. The P, X and CC bits are written as this
    /// header states them; the CSRC list, extension and padding they announce are the caller's to add.
    /// </summary>
    public int Write(Span<byte> destination)
    {
        if (destination.Length < FixedSize)
        {
            throw new ArgumentException($"An RTP header needs {FixedSize} bytes.", nameof(destination));
        }

        destination[0] = (byte)(VersionBits
            | (HasPadding ? PaddingBit : 0)
            | (HasExtension ? ExtensionBit : 0)
            | CsrcCount);
        destination[1] = (byte)((Marker ? MarkerBit : 0) | PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
        return FixedSize;
    }

    public override string ToString() =>
        $"RTP pt={PayloadType} seq={SequenceNumber} ts={Timestamp} ssrc=0x{Ssrc:X8}{(Marker ? " M" : string.Empty)}";
}
