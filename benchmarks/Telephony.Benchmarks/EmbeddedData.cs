namespace CallMyWay.Voice.Telephony.Benchmarks;

/// <summary>Reads the test messages compiled into this assembly, so the benchmark process needs no files beside it.</summary>
internal static class EmbeddedData
{
    public static byte[] Read(string name)
    {
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
