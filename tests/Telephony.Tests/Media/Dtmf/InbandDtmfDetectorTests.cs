using CallMyWay.Voice.Telephony.Media.Codecs;
using CallMyWay.Voice.Telephony.Media.Dtmf;

namespace CallMyWay.Voice.Telephony.Tests.Media.Dtmf;

public sealed class InbandDtmfDetectorTests
{
    private const double Amplitude = 7000; // per tone, about -10 dBm0

    public static TheoryData<char> AllKeys() => new(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#', 'A', 'B', 'C', 'D']);

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void Every_key_is_detected_once(char key)
    {
        var signal = new Signal();
        signal.Silence(50).Tone(key, 100).Silence(100);

        Assert.Equal(key.ToString(), Detect(signal.Samples));
    }

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void Every_key_is_detected_in_white_noise_at_20_db_snr(char key)
    {
        var signal = new Signal();
        signal.Silence(50).Tone(key, 80).Silence(100);

        // Two tones of peak A carry A² of power; noise with a tenth of the RMS is 20 dB below.
        signal.AddWhiteNoise(rms: Amplitude / 10, seed: key);

        Assert.Equal(key.ToString(), Detect(signal.Samples));
    }

    [Fact]
    public void Keys_survive_a_round_trip_through_g711()
    {
        var signal = new Signal();
        foreach (char key in "0123456789*#ABCD")
        {
            signal.Tone(key, 60).Silence(60);
        }

        short[] samples = signal.Samples;
        var payload = new byte[samples.Length];
        PcmaCodec.Instance.Encode(samples, payload);
        PcmaCodec.Instance.Decode(payload, samples);

        Assert.Equal("0123456789*#ABCD", Detect(samples));
    }

    [Fact]
    public void A_20_ms_blip_is_not_detected_whatever_its_alignment()
    {
        for (int offset = 0; offset < InbandDtmfDetector.BlockSize; offset++)
        {
            var signal = new Signal();
            signal.SilenceSamples(offset).Tone('5', 20, amplitude: 16000).Silence(100);

            Assert.True(Detect(signal.Samples).Length == 0, $"blip at offset {offset} was detected");
        }
    }

    [Fact]
    public void A_40_ms_tone_is_detected_whatever_its_alignment()
    {
        for (int offset = 0; offset < InbandDtmfDetector.BlockSize; offset++)
        {
            var signal = new Signal();
            signal.SilenceSamples(offset).Tone('9', 40).Silence(100);

            Assert.Equal("9", Detect(signal.Samples));
        }
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(6, true)]      // low tone 6 dB louder: within normal twist
    [InlineData(-3, true)]     // high tone 3 dB louder: within reverse twist
    [InlineData(10, false)]    // low tone 10 dB louder: beyond 8 dB normal twist
    [InlineData(-6, false)]    // high tone 6 dB louder: beyond 4 dB reverse twist
    public void Twist_beyond_the_limits_is_rejected(double lowOverHighDb, bool detected)
    {
        double ratio = Math.Pow(10, lowOverHighDb / 20);
        double low = Amplitude * Math.Sqrt(ratio);
        double high = Amplitude / Math.Sqrt(ratio);
        var signal = new Signal();
        signal.Silence(20).Pair(852, 1336, low, high, 100).Silence(60);

        Assert.Equal(detected ? "8" : string.Empty, Detect(signal.Samples));
    }

    [Theory]
    [InlineData(697)]
    [InlineData(941)]
    [InlineData(1209)]
    [InlineData(1633)]
    public void A_single_tone_is_not_a_key(double frequency)
    {
        var signal = new Signal();
        signal.Pair(frequency, 1000, Amplitude * 1.5, 0, 500);

        Assert.Equal(string.Empty, Detect(signal.Samples));
    }

    [Fact]
    public void A_second_tone_within_8_db_in_the_same_group_rejects_the_key()
    {
        var signal = new Signal();
        signal.Pair(770, 1336, Amplitude, Amplitude, 100)
            .Mix(852, Amplitude * Math.Pow(10, -7.0 / 20))
            .Silence(60);

        Assert.Equal(string.Empty, Detect(signal.Samples));
    }

    [Fact]
    public void An_other_tone_close_to_the_weaker_key_tone_rejects_the_key()
    {
        // Row 770 Hz at full level, column 1336 Hz 6 dB down (allowed twist), and 852 Hz 9 dB below
        // the row: it leads its own group clearly, but is within 6 dB of the weaker column tone.
        var signal = new Signal();
        signal.Pair(770, 1336, Amplitude, Amplitude / 2, 100)
            .Mix(852, Amplitude * Math.Pow(10, -9.0 / 20))
            .Silence(60);

        Assert.Equal(string.Empty, Detect(signal.Samples));
    }

    [Fact]
    public void A_key_under_speech_as_loud_as_itself_is_rejected()
    {
        var signal = new Signal();
        signal.Tone('2', 200);
        signal.MixHarmonics(fundamental: 130, totalRms: Amplitude);

        Assert.Equal(string.Empty, Detect(signal.Samples));
    }

    [Fact]
    public void Tones_off_nominal_by_one_and_a_half_percent_are_still_keys()
    {
        var signal = new Signal();
        signal.Pair(697 * 1.015, 1633 * 1.015, Amplitude, Amplitude, 100).Silence(60)
            .Pair(941 * 0.985, 1209 * 0.985, Amplitude, Amplitude, 100).Silence(60);

        Assert.Equal("A*", Detect(signal.Samples));
    }

    [Fact]
    public void A_tone_pair_below_the_minimum_level_is_ignored()
    {
        var signal = new Signal();
        signal.Tone('3', 200, amplitude: 250);

        Assert.Equal(string.Empty, Detect(signal.Samples));
    }

    [Fact]
    public void Speech_like_harmonics_with_a_gliding_pitch_give_no_key_over_several_seconds()
    {
        var samples = new short[8000 * 8];
        var random = new Random(120);
        double phase = 0;
        for (int n = 0; n < samples.Length; n++)
        {
            double t = n / 8000.0;

            // Pitch wanders around 120 Hz; syllables come and go four times a second.
            double f0 = 120 + (30 * Math.Sin(2 * Math.PI * 0.7 * t)) + (15 * Math.Sin(2 * Math.PI * 3.1 * t));
            phase += 2 * Math.PI * f0 / 8000;
            double envelope = 0.3 + (0.7 * Math.Abs(Math.Sin(2 * Math.PI * 2 * t)));
            double value = 0;
            for (int k = 1; k * f0 < 3400; k++)
            {
                // Vowel-like formants near 700 and 1200 Hz, right among the DTMF tones.
                double f = k * f0;
                double formants = 1 + (3 * Math.Exp(-Math.Pow((f - 700) / 150, 2))) + (2 * Math.Exp(-Math.Pow((f - 1200) / 200, 2)));
                value += formants / k * Math.Sin(k * phase);
            }

            samples[n] = (short)Math.Clamp((envelope * 4000 * value) + (random.NextDouble() * 200) - 100, short.MinValue, short.MaxValue);
        }

        Assert.Equal(string.Empty, Detect(samples));
    }

    [Fact]
    public void Random_walk_and_white_noise_give_no_key()
    {
        var random = new Random(42);
        var samples = new short[8000 * 6];
        double walk = 0;
        for (int n = 0; n < samples.Length / 2; n++)
        {
            walk = Math.Clamp((walk * 0.999) + ((random.NextDouble() - 0.5) * 2000), -30000, 30000);
            samples[n] = (short)walk;
        }

        for (int n = samples.Length / 2; n < samples.Length; n++)
        {
            samples[n] = (short)((random.NextDouble() - 0.5) * 20000);
        }

        Assert.Equal(string.Empty, Detect(samples));
    }

    [Fact]
    public void Same_key_repeated_after_a_pause_counts_twice()
    {
        var signal = new Signal();
        signal.Tone('7', 80).Silence(50).Tone('7', 80).Silence(100);

        Assert.Equal("77", Detect(signal.Samples));
    }

    [Fact]
    public void Held_key_counts_once()
    {
        var signal = new Signal();
        signal.Tone('0', 3000).Silence(100);

        Assert.Equal("0", Detect(signal.Samples));
    }

    [Fact]
    public void Brief_dropout_within_a_held_key_does_not_repeat_it()
    {
        var signal = new Signal();
        signal.Tone('4', 200).Silence(10).Tone('4', 200, startSample: 1680).Silence(100);

        Assert.Equal("4", Detect(signal.Samples));
    }

    [Fact]
    public void Another_key_flickering_for_single_blocks_within_a_held_key_is_ignored()
    {
        // Block-aligned: each block holds one key only, so the flicker is exactly one block long.
        const int block = InbandDtmfDetector.BlockSize;
        var signal = new Signal();
        signal.ToneSamples('1', 3 * block).ToneSamples('2', block).ToneSamples('1', block)
            .ToneSamples('2', block).ToneSamples('1', 3 * block).Silence(60);

        Assert.Equal("1", Detect(signal.Samples));
    }

    [Fact]
    public void Key_changing_without_a_pause_reports_both()
    {
        var signal = new Signal();
        signal.Tone('1', 100).Tone('2', 100).Silence(60);

        Assert.Equal("12", Detect(signal.Samples));
    }

    [Fact]
    public void Frames_of_any_size_give_the_same_keys()
    {
        var signal = new Signal();
        foreach (char key in "159#")
        {
            signal.Tone(key, 70).Silence(70);
        }

        short[] samples = signal.Samples;
        foreach (int frame in new[] { 1, 7, 80, 160, 240, 1000, samples.Length })
        {
            var detector = new InbandDtmfDetector();
            string found = string.Empty;
            var digits = new char[InbandDtmfDetector.MaxDigitsFor(frame)];
            for (int start = 0; start < samples.Length; start += frame)
            {
                ReadOnlySpan<short> chunk = samples.AsSpan(start, Math.Min(frame, samples.Length - start));
                int count = detector.Process(chunk, digits);
                found += new string(digits, 0, count);
            }

            Assert.Equal("159#", found);
        }
    }

    [Fact]
    public void Reset_forgets_a_key_in_progress()
    {
        var detector = new InbandDtmfDetector();
        var signal = new Signal();
        signal.Tone('6', 100);
        Span<char> digits = stackalloc char[8];
        Assert.Equal(1, detector.Process(signal.Samples, digits));

        detector.Reset();

        Assert.Equal(1, detector.Process(signal.Samples, digits));
    }

    [Fact]
    public void Digit_span_too_small_for_the_samples_is_refused()
    {
        var detector = new InbandDtmfDetector();

        Assert.Throws<ArgumentException>(() => detector.Process(new short[1000], new char[1]));
    }

    [Fact]
    public void Processing_20_ms_frames_allocates_nothing()
    {
        var detector = new InbandDtmfDetector();
        var signal = new Signal();
        signal.Tone('8', 100).Silence(100);
        short[] samples = signal.Samples;
        var digits = new char[1];
        detector.Process(samples.AsSpan(0, 160), digits);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int start = 160; start + 160 <= samples.Length; start += 160)
        {
            detector.Process(samples.AsSpan(start, 160), digits);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static string Detect(short[] samples)
    {
        var detector = new InbandDtmfDetector();
        var digits = new char[InbandDtmfDetector.MaxDigitsFor(samples.Length)];
        int count = detector.Process(samples, digits);
        return new string(digits, 0, count);
    }

    private sealed class Signal
    {
        private readonly List<short> _samples = [];

        public short[] Samples => [.. _samples];

        public Signal Silence(int milliseconds) => SilenceSamples(milliseconds * 8);

        public Signal SilenceSamples(int count)
        {
            _samples.AddRange(new short[count]);
            return this;
        }

        public Signal Tone(char key, int milliseconds, double amplitude = Amplitude, int startSample = 0)
        {
            var tone = new short[milliseconds * 8];
            DtmfToneGenerator.Write(key, amplitude, tone, startSample);
            _samples.AddRange(tone);
            return this;
        }

        public Signal ToneSamples(char key, int count)
        {
            var tone = new short[count];
            DtmfToneGenerator.Write(key, Amplitude, tone);
            _samples.AddRange(tone);
            return this;
        }

        public Signal Pair(double low, double high, double lowAmplitude, double highAmplitude, int milliseconds)
        {
            var tone = new short[milliseconds * 8];
            DtmfToneGenerator.Write(low, high, lowAmplitude, highAmplitude, tone);
            _samples.AddRange(tone);
            return this;
        }

        /// <summary>Adds a sine over everything written so far.</summary>
        public Signal Mix(double frequency, double amplitude)
        {
            for (int n = 0; n < _samples.Count; n++)
            {
                _samples[n] = Clip(_samples[n] + (amplitude * Math.Sin(2 * Math.PI * frequency * n / 8000)));
            }

            return this;
        }

        /// <summary>Adds equal harmonics of a voice-like fundamental up to 3.4 kHz, at the given total RMS.</summary>
        public void MixHarmonics(double fundamental, double totalRms)
        {
            int harmonics = (int)(3400 / fundamental);
            double amplitude = totalRms * Math.Sqrt(2.0 / harmonics);
            for (int k = 1; k <= harmonics; k++)
            {
                Mix(k * fundamental, amplitude);
            }
        }

        public void AddWhiteNoise(double rms, int seed)
        {
            var random = new Random(seed);
            for (int i = 0; i < _samples.Count; i++)
            {
                // Box-Muller: Gaussian noise of the requested RMS.
                double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                _samples[i] = Clip(_samples[i] + (rms * gaussian));
            }
        }

        private static short Clip(double value) => (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
    }
}
