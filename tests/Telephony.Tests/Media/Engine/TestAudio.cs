using CallMyWay.Voice.Telephony.Media.Codecs;
using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Rtp;

namespace CallMyWay.Voice.Telephony.Tests.Media.Engine;

/// <summary>Audio and RTP datagrams as peers send them.</summary>
internal static class TestAudio
{
    public const int FrameSamples = 160;

    public static byte[] Rtp(byte payloadType, ushort seq, uint timestamp, uint ssrc, ReadOnlySpan<byte> payload, bool marker = false)
    {
        var packet = new byte[RtpHeader.FixedSize + payload.Length];
        new RtpHeader(payloadType, seq, timestamp, ssrc, marker).Write(packet);
        payload.CopyTo(packet.AsSpan(RtpHeader.FixedSize));
        return packet;
    }

    public static byte[] Event(ushort seq, uint timestamp, uint ssrc, char digit, bool end, ushort duration, bool marker = false)
    {
        Assert.True(TelephoneEvent.TryGetEventCode(digit, out byte code));
        var payload = new byte[TelephoneEvent.Size];
        new TelephoneEvent(code, end, 10, duration).Write(payload);
        return Rtp(101, seq, timestamp, ssrc, payload, marker);
    }

    /// <summary>The packets of one key in the style of RFC 4733 §2.5.1: updates then three end packets.</summary>
    public static IEnumerable<byte[]> KeyPress(char digit, ushort firstSeq, uint timestamp, uint ssrc, int updates = 4)
    {
        for (int i = 0; i < updates; i++)
        {
            yield return Event((ushort)(firstSeq + i), timestamp, ssrc, digit, end: false, (ushort)(i * 160), marker: i == 0);
        }

        for (int i = 0; i < 3; i++)
        {
            yield return Event((ushort)(firstSeq + updates), timestamp, ssrc, digit, end: true, (ushort)(updates * 160));
        }
    }

    public static short[] Sine(double frequency, double amplitude, int samples, int start = 0)
    {
        var pcm = new short[samples];
        for (int i = 0; i < samples; i++)
        {
            pcm[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * (start + i) / 8000));
        }

        return pcm;
    }

    public static short[] Tone(char digit, int samples, int start = 0)
    {
        var pcm = new short[samples];
        DtmfToneGenerator.Write(digit, 6000, pcm, start);
        return pcm;
    }

    public static byte[] Encode(IAudioCodec codec, ReadOnlySpan<short> pcm)
    {
        var payload = new byte[pcm.Length];
        codec.Encode(pcm, payload);
        return payload;
    }

    public static double Rms(ReadOnlySpan<short> pcm)
    {
        double sum = 0;
        foreach (short sample in pcm)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / Math.Max(1, pcm.Length));
    }

    public static short[] Decode(IAudioCodec codec, ReadOnlySpan<byte> payload)
    {
        var pcm = new short[payload.Length];
        codec.Decode(payload, pcm);
        return pcm;
    }
}
