using System.Text;
using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Rtp;

namespace CallMyWay.Voice.Telephony.Tests.Media.Dtmf;

/// <summary>Builds RTP datagrams and feeds them to a receiver the way a media stream would.</summary>
internal static class RtpTestPackets
{
    public static byte[] Event(ushort seq, uint timestamp, uint ssrc, bool marker, char digit, bool end, ushort duration, byte payloadType = 101)
    {
        Assert.True(TelephoneEvent.TryGetEventCode(digit, out byte code));
        var packet = new byte[RtpHeader.FixedSize + TelephoneEvent.Size];
        int written = new RtpHeader(payloadType, seq, timestamp, ssrc, marker).Write(packet);
        new TelephoneEvent(code, end, volume: 10, duration).Write(packet.AsSpan(written));
        return packet;
    }

    public static byte[] Audio(ushort seq, uint timestamp, uint ssrc)
    {
        var packet = new byte[RtpHeader.FixedSize + 160];
        int written = new RtpHeader(0, seq, timestamp, ssrc).Write(packet);
        packet.AsSpan(written).Fill(0xFF);
        return packet;
    }

    /// <summary>Feeds every datagram and returns the digits reported, in order.</summary>
    public static string Feed(TelephoneEventReceiver receiver, IEnumerable<byte[]> datagrams)
    {
        var digits = new StringBuilder();
        foreach (byte[] datagram in datagrams)
        {
            Assert.True(RtpHeader.TryParse(datagram, out RtpHeader header, out ReadOnlySpan<byte> payload));
            if (receiver.TryReceive(header, payload, out DtmfDigit digit))
            {
                Assert.Equal(DtmfSource.Rfc4733, digit.Source);
                digits.Append(digit.Digit);
            }
        }

        return digits.ToString();
    }

    public static IEnumerable<byte[]> FromHex(params string[][] captures) =>
        captures.SelectMany(capture => capture).Select(Convert.FromHexString);
}
