namespace CallMyWay.Voice.Telephony.Media.Dtmf;

/// <summary>
/// Finds DTMF keys in 8 kHz 16-bit PCM with the Goertzel algorithm, for callers whose phones send
/// their keys as tones in the audio rather than as RFC 4733 events.
/// </summary>
/// <remarks>
/// Samples are analysed in blocks of <see cref="BlockSize"/> (12.75 ms): at 8 kHz that resolves the
/// 73 Hz gap between the closest DTMF tones while tolerating the ±1.5 % frequency error ITU-T Q.24
/// allows. A block holds a key when its two tones are loud enough, lead their groups, stand out from
/// the other six, stay within the twist limits and carry most of the block's energy. A key is
/// reported after <see cref="HitsToBegin"/> consecutive blocks, so tones of 40 ms and more are found
/// and 20 ms blips are not; it may be reported again only after <see cref="MissesToEnd"/> blocks
/// without it, which bridges brief dropouts but not a real inter-digit pause.
/// </remarks>
public sealed class InbandDtmfDetector
{
    /// <summary>Samples per second the detector expects.</summary>
    public const int SampleRate = 8000;

    /// <summary>Samples per analysis block.</summary>
    public const int BlockSize = 102;

    /// <summary>Consecutive blocks that must hold the same key before it is reported.</summary>
    public const int HitsToBegin = 2;

    /// <summary>Consecutive blocks without the key that end it.</summary>
    public const int MissesToEnd = 3;

    private const int ToneCount = 8;
    private const int GroupSize = 4;

    // Each tone must peak at 500 or more (about -33 dBm0); Goertzel power of a tone is (A * N / 2)².
    private const double MinimumToneAmplitude = 500;
    private const double MinimumTonePower = MinimumToneAmplitude * BlockSize / 2 * (MinimumToneAmplitude * BlockSize / 2);

    // Twist: the low tone may exceed the high one by 8 dB (normal twist), the high tone the low one
    // by 4 dB (reverse twist), the limits spandsp and Asterisk use.
    private const double NormalTwist = 6.31;
    private const double ReverseTwist = 2.51;

    // Each chosen tone must beat the rest of its group by 8 dB, and every unchosen tone must sit
    // 6 dB below the weaker chosen one.
    private const double GroupPeakRatio = 6.31;
    private const double RelativePeakRatio = 3.98;

    // A pure tone pair puts all of a block's energy into its two bins: their Goertzel powers add up
    // to energy * N / 2. Requiring 80 % of that rejects speech and music, and rejects blocks that the
    // tone fills only partly, which is what keeps a 20 ms blip from counting as two blocks.
    private const double ToneEnergyRatio = 0.8;

    private static readonly double[] Coefficients = BuildCoefficients();

    private readonly double[] _s1 = new double[ToneCount];
    private readonly double[] _s2 = new double[ToneCount];
    private readonly double[] _power = new double[ToneCount];
    private double _energy;
    private int _blockSamples;

    private char _candidate;
    private int _hits;
    private char _current;
    private int _misses;

    /// <summary>The most digits <see cref="Process"/> can report for <paramref name="sampleCount"/> samples.</summary>
    public static int MaxDigitsFor(int sampleCount) => (sampleCount / (HitsToBegin * BlockSize)) + 1;

    /// <summary>
    /// Analyses the next samples of the stream, in frames of any size, and writes the keys that
    /// begin in them to <paramref name="digits"/>; returns how many. <paramref name="digits"/> must
    /// hold <see cref="MaxDigitsFor"/> samples.Length, which is one for a 20 ms frame.
    /// </summary>
    public int Process(ReadOnlySpan<short> samples, Span<char> digits)
    {
        if (digits.Length < MaxDigitsFor(samples.Length))
        {
            throw new ArgumentException($"{samples.Length} samples can hold {MaxDigitsFor(samples.Length)} digits.", nameof(digits));
        }

        double[] coefficients = Coefficients;
        double[] s1 = _s1;
        double[] s2 = _s2;
        int found = 0;
        foreach (short sample in samples)
        {
            double x = sample;
            _energy += x * x;
            for (int k = 0; k < ToneCount; k++)
            {
                double s0 = x + (coefficients[k] * s1[k]) - s2[k];
                s2[k] = s1[k];
                s1[k] = s0;
            }

            if (++_blockSamples == BlockSize)
            {
                char key = EndBlock();
                if (key != '\0')
                {
                    digits[found++] = key;
                }
            }
        }

        return found;
    }

    /// <summary>Forgets the partial block and any key in progress.</summary>
    public void Reset()
    {
        Array.Clear(_s1);
        Array.Clear(_s2);
        _energy = 0;
        _blockSamples = 0;
        _candidate = '\0';
        _hits = 0;
        _current = '\0';
        _misses = 0;
    }

    private char EndBlock()
    {
        for (int k = 0; k < ToneCount; k++)
        {
            _power[k] = (_s1[k] * _s1[k]) + (_s2[k] * _s2[k]) - (Coefficients[k] * _s1[k] * _s2[k]);
        }

        char key = Classify(_power, _energy);
        Array.Clear(_s1);
        Array.Clear(_s2);
        _energy = 0;
        _blockSamples = 0;
        return Track(key);
    }

    private static char Classify(ReadOnlySpan<double> power, double energy)
    {
        ReadOnlySpan<double> rows = power[..GroupSize];
        ReadOnlySpan<double> columns = power[GroupSize..];
        int row = IndexOfMax(rows);
        int column = IndexOfMax(columns);
        double rowPower = rows[row];
        double columnPower = columns[column];

        bool present = rowPower >= MinimumTonePower && columnPower >= MinimumTonePower;
        bool withinTwist = rowPower <= columnPower * NormalTwist && columnPower <= rowPower * ReverseTwist;
        if (!present
            || !withinTwist
            || !LeadsGroup(rows, row)
            || !LeadsGroup(columns, column)
            || !StandsOut(power, row, GroupSize + column, Math.Min(rowPower, columnPower))
            || rowPower + columnPower < ToneEnergyRatio * energy * BlockSize / 2)
        {
            return '\0';
        }

        return DtmfKeypad.KeyAt(row, column);
    }

    // Reports a key once when it has lasted HitsToBegin blocks; forgets it after MissesToEnd blocks
    // without it, so that the same key counts again only after a pause.
    private char Track(char key)
    {
        if (key != '\0' && key == _current)
        {
            // The key goes on: a different key seen in between must start counting afresh.
            _candidate = key;
            _misses = 0;
            return '\0';
        }

        if (key == _candidate)
        {
            _hits = Math.Min(_hits + 1, HitsToBegin);
        }
        else
        {
            _candidate = key;
            _hits = 1;
        }

        if (key != '\0' && _hits >= HitsToBegin)
        {
            _current = key;
            _misses = 0;
            return key;
        }

        if (_current != '\0' && ++_misses >= MissesToEnd)
        {
            _current = '\0';
        }

        return '\0';
    }

    private static bool LeadsGroup(ReadOnlySpan<double> group, int best)
    {
        for (int i = 0; i < group.Length; i++)
        {
            if (i != best && group[i] * GroupPeakRatio > group[best])
            {
                return false;
            }
        }

        return true;
    }

    private static bool StandsOut(ReadOnlySpan<double> power, int row, int column, double weaker)
    {
        for (int i = 0; i < power.Length; i++)
        {
            if (i != row && i != column && power[i] * RelativePeakRatio > weaker)
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOfMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static double[] BuildCoefficients()
    {
        var coefficients = new double[ToneCount];
        for (int i = 0; i < GroupSize; i++)
        {
            coefficients[i] = 2 * Math.Cos(2 * Math.PI * DtmfKeypad.RowFrequencies[i] / SampleRate);
            coefficients[GroupSize + i] = 2 * Math.Cos(2 * Math.PI * DtmfKeypad.ColumnFrequencies[i] / SampleRate);
        }

        return coefficients;
    }
}
