namespace CallMyWay.Voice.Telephony.Media.Dtmf;

/// <summary>Writes DTMF tone pairs (ITU-T Q.23) as 16-bit PCM, for sending keys in-band and for tests.</summary>
public static class DtmfToneGenerator
{
    /// <summary>The only rate the telephony media path uses.</summary>
    public const int SampleRate = 8000;

    /// <summary>The low (row) and high (column) frequency of a key 0-9, *, #, A-D.</summary>
    public static bool TryGetFrequencies(char digit, out int lowFrequency, out int highFrequency) =>
        DtmfKeypad.TryGetFrequencies(digit, out lowFrequency, out highFrequency);

    /// <summary>Samples needed for a tone of <paramref name="duration"/>.</summary>
    public static int SampleCount(TimeSpan duration, int sampleRate = SampleRate) =>
        (int)(duration.Ticks * sampleRate / TimeSpan.TicksPerSecond);

    /// <summary>
    /// Fills <paramref name="destination"/> (its length is the tone's duration) with the key's two
    /// sines, each of peak <paramref name="amplitude"/>. <paramref name="startSample"/> continues the
    /// phase of an earlier call, so a tone can be written one frame at a time.
    /// </summary>
    public static void Write(char digit, double amplitude, Span<short> destination, int startSample = 0, int sampleRate = SampleRate)
    {
        if (!DtmfKeypad.TryGetFrequencies(digit, out int low, out int high))
        {
            throw new ArgumentException($"'{digit}' is not a DTMF key.", nameof(digit));
        }

        Write(low, high, amplitude, amplitude, destination, startSample, sampleRate);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with any two sines, each at its own peak amplitude, so
    /// callers can shape twist or off-nominal frequencies; the sum saturates at the 16-bit range.
    /// </summary>
    public static void Write(
        double lowFrequency,
        double highFrequency,
        double lowAmplitude,
        double highAmplitude,
        Span<short> destination,
        int startSample = 0,
        int sampleRate = SampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        double lowStep = 2 * Math.PI * lowFrequency / sampleRate;
        double highStep = 2 * Math.PI * highFrequency / sampleRate;
        for (int i = 0; i < destination.Length; i++)
        {
            long n = (long)startSample + i;
            double value = (lowAmplitude * Math.Sin(lowStep * n)) + (highAmplitude * Math.Sin(highStep * n));
            destination[i] = (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
        }
    }
}
