namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>Reads an 8 kHz mono 16-bit WAV and measures the energy at given frequencies (Goertzel), to check what a recording holds.</summary>
public static class WaveTone
{
    public static (double First, double Second) Measure(string path, double firstHz, double secondHz)
    {
        var bytes = File.ReadAllBytes(path);
        var data = FindData(bytes);
        var samples = new double[(bytes.Length - data) / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BitConverter.ToInt16(bytes, data + (i * 2));
        }

        return (Goertzel(samples, firstHz), Goertzel(samples, secondHz));
    }

    private static int FindData(byte[] wav)
    {
        for (var i = 12; i + 8 <= wav.Length;)
        {
            var size = BitConverter.ToInt32(wav, i + 4);
            if (wav[i] == 'd' && wav[i + 1] == 'a' && wav[i + 2] == 't' && wav[i + 3] == 'a')
            {
                return i + 8;
            }

            i += 8 + size + (size & 1);
        }

        throw new InvalidDataException("No data chunk in " + "the WAV file.");
    }

    private static double Goertzel(double[] samples, double hz)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * hz / 8000);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in samples)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        return (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
    }
}
