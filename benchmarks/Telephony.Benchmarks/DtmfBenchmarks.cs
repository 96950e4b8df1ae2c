using BenchmarkDotNet.Attributes;
using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Rtp;

namespace CallMyWay.Voice.Telephony.Benchmarks;

/// <summary>DTMF detection per received packet: the in-band Goertzel detector on a 20 ms frame and the RFC 4733 receiver.</summary>
[MemoryDiagnoser]
public class DtmfBenchmarks
{
    private const int FrameSamples = 160;
    private readonly short[] _speechLike = new short[FrameSamples];
    private readonly short[] _tone = new short[FrameSamples];
    private readonly char[] _digits = new char[InbandDtmfDetector.MaxDigitsFor(FrameSamples)];
    private readonly InbandDtmfDetector _detector = new();
    private readonly TelephoneEventReceiver _receiver = new();
    private readonly byte[] _eventPacket = new byte[RtpHeader.FixedSize + TelephoneEvent.Size];
    private uint _timestamp;

    [GlobalSetup]
    public void Setup()
    {
        // Audio that is not a key: a few formants with noise, as most frames of a call are.
        var random = new Random(7);
        for (int i = 0; i < FrameSamples; i++)
        {
            double t = i / 8000.0;
            _speechLike[i] = (short)((3000 * Math.Sin(2 * Math.PI * 310 * t)) + (1800 * Math.Sin(2 * Math.PI * 1150 * t))
                + (900 * Math.Sin(2 * Math.PI * 2400 * t)) + random.Next(-400, 400));
        }

        DtmfToneGenerator.Write('5', 8000, _tone);
    }

    /// <summary>The usual case: a frame of speech-like audio with no key in it.</summary>
    [Benchmark]
    public int InbandDetectorSpeechFrame() => _detector.Process(_speechLike, _digits);

    /// <summary>A frame of a held key (the detector's decision path runs to the end).</summary>
    [Benchmark]
    public int InbandDetectorToneFrame() => _detector.Process(_tone, _digits);

    /// <summary>One telephone-event packet: parse the RTP header and the event, dedupe by (SSRC, timestamp).</summary>
    [Benchmark]
    public bool TelephoneEventReceiverPacket()
    {
        // A new key press every call, so the receiver's history lookup and insert both run.
        _timestamp += 1600;
        var header = new RtpHeader(payloadType: 101, sequenceNumber: (ushort)_timestamp, timestamp: _timestamp, ssrc: 0x0E05384E, marker: true);
        header.Write(_eventPacket);
        new TelephoneEvent(eventCode: 5, end: false, volume: 10, duration: 160).Write(_eventPacket.AsSpan(RtpHeader.FixedSize));
        return RtpHeader.TryParse(_eventPacket, out var parsed, out ReadOnlySpan<byte> payload)
            && _receiver.TryReceive(parsed, payload, out _);
    }
}
