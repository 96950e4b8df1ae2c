namespace CallMyWay.Voice.Telephony.Media.Rtp;

/// <summary>Walks the packets of a compound RTCP datagram (RFC 3550 §6.1) without copying.</summary>
public ref struct RtcpCompoundReader
{
    private ReadOnlySpan<byte> _remaining;

    public RtcpCompoundReader(ReadOnlySpan<byte> compound)
    {
        _remaining = compound;
    }

    /// <summary>
    /// Set when reading stopped at a packet that does not parse, or at padding before the last packet
    /// (RFC 3550 Appendix A.2). The packets read before it remain usable.
    /// </summary>
    public bool IsMalformed { get; private set; }

    /// <summary>Reads the next packet; false at the end of the datagram or at a malformed packet.</summary>
    public bool TryRead(out RtcpPacket packet)
    {
        // The first packet need not be an SR or RR here: reduced-size RTCP (RFC 5506) sends others alone.
        if (_remaining.IsEmpty || IsMalformed)
        {
            packet = default;
            return false;
        }

        if (!RtcpPacket.TryParse(_remaining, out packet)
            || ((_remaining[0] & 0x20) != 0 && packet.Length != _remaining.Length))
        {
            packet = default;
            IsMalformed = true;
            return false;
        }

        _remaining = _remaining[packet.Length..];
        return true;
    }
}
