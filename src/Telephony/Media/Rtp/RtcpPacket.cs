using System.Buffers.Binary;
using System.Text;

namespace CallMyWay.Voice.Telephony.Media.Rtp;

/// <summary>
/// One RTCP packet of a compound datagram (RFC 3550 §6.4–6.6), read in place, and the writers for
/// the packets a media stream sends: SR, RR, SDES with a CNAME, and BYE.
/// </summary>
public readonly ref struct RtcpPacket
{
    /// <summary>Size of the common header: V, P, count, packet type and length.</summary>
    public const int HeaderSize = 4;

    /// <summary>The longest SDES item text, whose length must fit one octet (RFC 3550 §6.5).</summary>
    public const int MaxItemLength = 255;

    private const byte VersionBits = RtpHeader.Version << 6;
    private const byte PaddingBit = 0x20;
    private const byte CountMask = 0x1F;
    private const byte CnameItem = 1;
    private const byte EndItem = 0;

    private RtcpPacket(RtcpPacketType type, int count, int length, ReadOnlySpan<byte> body)
    {
        Type = type;
        Count = count;
        Length = length;
        Body = body;
    }

    /// <summary>The packet type; values outside <see cref="RtcpPacketType"/> pass through as read.</summary>
    public RtcpPacketType Type { get; }

    /// <summary>The 5-bit count: report blocks (SR, RR), chunks (SDES) or sources (BYE).</summary>
    public int Count { get; }

    /// <summary>Bytes the packet occupies in the compound, header and padding included.</summary>
    public int Length { get; }

    /// <summary>What follows the common header, without padding.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>
    /// The first SSRC of the body: the sender of an SR or RR, the first chunk of an SDES, the first
    /// source leaving in a BYE; zero when the body has none.
    /// </summary>
    public uint Ssrc => Body.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(Body) : 0;

    /// <summary>
    /// Whether a datagram on a shared RTP/RTCP port is RTCP: its second octet is a packet type
    /// 192–223 (RFC 5761 §4), which no RTP payload type with or without marker produces.
    /// </summary>
    public static bool LooksLikeRtcp(ReadOnlySpan<byte> datagram) =>
        datagram.Length >= HeaderSize && datagram[0] >> 6 == RtpHeader.Version && datagram[1] is >= 192 and <= 223;

    /// <summary>
    /// Reads the first RTCP packet of <paramref name="data"/>. Returns false when the header is not
    /// version 2, the length runs past the data, the padding is inconsistent, or an SR, RR or BYE is
    /// shorter than its count announces.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out RtcpPacket packet)
    {
        packet = default;
        if (data.Length < HeaderSize || data[0] >> 6 != RtpHeader.Version)
        {
            return false;
        }

        // RFC 3550 §6.4.1: the length is in 32-bit words minus one, header and padding included.
        int length = (BinaryPrimitives.ReadUInt16BigEndian(data[2..]) + 1) * 4;
        if (length > data.Length)
        {
            return false;
        }

        int bodyEnd = length;
        if ((data[0] & PaddingBit) != 0)
        {
            int paddingLength = data[length - 1];
            if (paddingLength == 0 || paddingLength > length - HeaderSize)
            {
                return false;
            }

            bodyEnd -= paddingLength;
        }

        var type = (RtcpPacketType)data[1];
        int count = data[0] & CountMask;
        ReadOnlySpan<byte> body = data[HeaderSize..bodyEnd];
        int minimumBody = type switch
        {
            RtcpPacketType.SenderReport => 4 + RtcpSenderInfo.Size + (count * RtcpReportBlock.Size),
            RtcpPacketType.ReceiverReport => 4 + (count * RtcpReportBlock.Size),
            RtcpPacketType.Goodbye => 4 * count,
            _ => 0,
        };
        if (body.Length < minimumBody)
        {
            return false;
        }

        packet = new RtcpPacket(type, count, length, body);
        return true;
    }

    /// <summary>The sender information of an SR; false for any other packet type.</summary>
    public bool TryGetSenderInfo(out RtcpSenderInfo senderInfo)
    {
        if (Type != RtcpPacketType.SenderReport)
        {
            senderInfo = default;
            return false;
        }

        ReadOnlySpan<byte> info = Body[4..];
        senderInfo = new RtcpSenderInfo(
            BinaryPrimitives.ReadUInt64BigEndian(info),
            BinaryPrimitives.ReadUInt32BigEndian(info[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(info[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(info[16..]));
        return true;
    }

    /// <summary>The report block at <paramref name="index"/> of an SR or RR.</summary>
    public bool TryGetReportBlock(int index, out RtcpReportBlock block)
    {
        int start = Type switch
        {
            RtcpPacketType.SenderReport => 4 + RtcpSenderInfo.Size,
            RtcpPacketType.ReceiverReport => 4,
            _ => -1,
        };
        if (start < 0 || index < 0 || index >= Count)
        {
            block = default;
            return false;
        }

        ReadOnlySpan<byte> raw = Body.Slice(start + (index * RtcpReportBlock.Size), RtcpReportBlock.Size);

        // The cumulative loss is a 24-bit two's complement number: shift it up and back to sign-extend.
        int cumulativeLost = (int)(BinaryPrimitives.ReadUInt32BigEndian(raw[4..]) << 8) >> 8;
        block = new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(raw),
            raw[4],
            cumulativeLost,
            BinaryPrimitives.ReadUInt32BigEndian(raw[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(raw[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(raw[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(raw[20..]));
        return true;
    }

    /// <summary>The report block of an SR or RR about <paramref name="sourceSsrc"/>, typically our own stream.</summary>
    public bool TryFindReportBlock(uint sourceSsrc, out RtcpReportBlock block)
    {
        for (int i = 0; i < Count; i++)
        {
            if (TryGetReportBlock(i, out block) && block.Ssrc == sourceSsrc)
            {
                return true;
            }
        }

        block = default;
        return false;
    }

    /// <summary>The first CNAME item of an SDES packet and the SSRC of its chunk (RFC 3550 §6.5.1).</summary>
    public bool TryGetCname(out uint ssrc, out ReadOnlySpan<byte> cname)
    {
        ssrc = 0;
        cname = default;
        if (Type != RtcpPacketType.SourceDescription)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = Body;
        for (int chunk = 0; chunk < Count && rest.Length >= 4; chunk++)
        {
            uint chunkSsrc = BinaryPrimitives.ReadUInt32BigEndian(rest);
            int offset = 4;
            while (offset < rest.Length && rest[offset] != EndItem)
            {
                if (offset + 2 > rest.Length)
                {
                    return false;
                }

                byte itemType = rest[offset];
                int itemLength = rest[offset + 1];
                if (offset + 2 + itemLength > rest.Length)
                {
                    return false;
                }

                if (itemType == CnameItem)
                {
                    ssrc = chunkSsrc;
                    cname = rest.Slice(offset + 2, itemLength);
                    return true;
                }

                offset += 2 + itemLength;
            }

            // The item list ends with a null octet, then padding to the next 32-bit boundary.
            offset = (offset + 4) & ~3;
            rest = offset < rest.Length ? rest[offset..] : default;
        }

        return false;
    }

    /// <summary>The source at <paramref name="index"/> that a BYE says is leaving (RFC 3550 §6.6).</summary>
    public bool TryGetGoodbyeSource(int index, out uint ssrc)
    {
        if (Type != RtcpPacketType.Goodbye || index < 0 || index >= Count)
        {
            ssrc = 0;
            return false;
        }

        ssrc = BinaryPrimitives.ReadUInt32BigEndian(Body[(4 * index)..]);
        return true;
    }

    /// <summary>The optional "reason for leaving" of a BYE, UTF-8 text (RFC 3550 §6.6).</summary>
    public bool TryGetGoodbyeReason(out ReadOnlySpan<byte> reason)
    {
        reason = default;
        if (Type != RtcpPacketType.Goodbye)
        {
            return false;
        }

        int offset = 4 * Count;
        if (offset >= Body.Length || offset + 1 + Body[offset] > Body.Length)
        {
            return false;
        }

        reason = Body.Slice(offset + 1, Body[offset]);
        return true;
    }

    /// <summary>Writes an SR with zero or one report block (RFC 3550 §6.4.1); returns the bytes written.</summary>
    public static int WriteSenderReport(Span<byte> destination, uint ssrc, in RtcpSenderInfo senderInfo, RtcpReportBlock? block = null)
    {
        int length = HeaderSize + 4 + RtcpSenderInfo.Size + (block.HasValue ? RtcpReportBlock.Size : 0);
        EnsureSpace(destination, length);
        WriteHeader(destination, RtcpPacketType.SenderReport, block.HasValue ? 1 : 0, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        Span<byte> info = destination[8..];
        BinaryPrimitives.WriteUInt64BigEndian(info, senderInfo.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(info[8..], senderInfo.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(info[12..], senderInfo.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(info[16..], senderInfo.OctetCount);
        if (block.HasValue)
        {
            WriteReportBlock(destination[(8 + RtcpSenderInfo.Size)..], block.Value);
        }

        return length;
    }

    /// <summary>Writes an RR with zero or one report block (RFC 3550 §6.4.2); returns the bytes written.</summary>
    public static int WriteReceiverReport(Span<byte> destination, uint ssrc, RtcpReportBlock? block = null)
    {
        int length = HeaderSize + 4 + (block.HasValue ? RtcpReportBlock.Size : 0);
        EnsureSpace(destination, length);
        WriteHeader(destination, RtcpPacketType.ReceiverReport, block.HasValue ? 1 : 0, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        if (block.HasValue)
        {
            WriteReportBlock(destination[8..], block.Value);
        }

        return length;
    }

    /// <summary>Writes an SDES packet with one chunk holding a CNAME (RFC 3550 §6.5.1); returns the bytes written.</summary>
    public static int WriteSourceDescription(Span<byte> destination, uint ssrc, ReadOnlySpan<char> cname)
    {
        int textLength = Encoding.UTF8.GetByteCount(cname);
        if (textLength > MaxItemLength)
        {
            throw new ArgumentException($"A CNAME is at most {MaxItemLength} bytes of UTF-8.", nameof(cname));
        }

        // SSRC, item type, item length, text, then at least one null octet up to a 32-bit boundary.
        int chunkLength = (4 + 2 + textLength + 1 + 3) & ~3;
        int length = HeaderSize + chunkLength;
        EnsureSpace(destination, length);
        WriteHeader(destination, RtcpPacketType.SourceDescription, 1, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = CnameItem;
        destination[9] = (byte)textLength;
        Encoding.UTF8.GetBytes(cname, destination[10..]);
        destination[(10 + textLength)..length].Clear();
        return length;
    }

    /// <summary>Writes a BYE for one source with an optional reason (RFC 3550 §6.6); returns the bytes written.</summary>
    public static int WriteGoodbye(Span<byte> destination, uint ssrc, ReadOnlySpan<char> reason = default)
    {
        int reasonLength = Encoding.UTF8.GetByteCount(reason);
        if (reasonLength > MaxItemLength)
        {
            throw new ArgumentException($"A BYE reason is at most {MaxItemLength} bytes of UTF-8.", nameof(reason));
        }

        int length = HeaderSize + 4 + (reasonLength > 0 ? (1 + reasonLength + 3) & ~3 : 0);
        EnsureSpace(destination, length);
        WriteHeader(destination, RtcpPacketType.Goodbye, 1, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        if (reasonLength > 0)
        {
            destination[8] = (byte)reasonLength;
            Encoding.UTF8.GetBytes(reason, destination[9..]);
            destination[(9 + reasonLength)..length].Clear();
        }

        return length;
    }

    /// <summary>
    /// Writes the compound packet a stream sends every report interval: an SR when it has sent media
    /// (<paramref name="senderInfo"/> given) else an RR, followed by an SDES CNAME (RFC 3550 §6.1).
    /// </summary>
    public static int WriteCompoundReport(
        Span<byte> destination,
        uint ssrc,
        RtcpSenderInfo? senderInfo,
        RtcpReportBlock? block,
        ReadOnlySpan<char> cname)
    {
        int written = senderInfo.HasValue
            ? WriteSenderReport(destination, ssrc, senderInfo.Value, block)
            : WriteReceiverReport(destination, ssrc, block);
        return written + WriteSourceDescription(destination[written..], ssrc, cname);
    }

    private static void WriteHeader(Span<byte> destination, RtcpPacketType type, int count, int length)
    {
        destination[0] = (byte)(VersionBits | count);
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
    }

    private static void WriteReportBlock(Span<byte> destination, in RtcpReportBlock block)
    {
        int lost = Math.Clamp(block.CumulativeLost, RtcpReportBlock.MinCumulativeLost, RtcpReportBlock.MaxCumulativeLost);
        BinaryPrimitives.WriteUInt32BigEndian(destination, block.Ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)block.FractionLost << 24) | ((uint)lost & 0xFFFFFF));
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], block.ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], block.Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], block.LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], block.DelaySinceLastSenderReport);
    }

    private static void EnsureSpace(Span<byte> destination, int length)
    {
        if (destination.Length < length)
        {
            throw new ArgumentException($"The RTCP packet needs {length} bytes.", nameof(destination));
        }
    }
}
