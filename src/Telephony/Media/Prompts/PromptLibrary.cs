using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace CallMyWay.Voice.Telephony.Media.Prompts;

/// <summary>
/// The prompts of the service, loaded from WAV files under one folder the first time each is asked
/// for (or all at once at start with <see cref="LoadAll"/>) and kept converted and encoded in memory.
/// </summary>
/// <remarks>
/// A prompt's name is its path under the folder without the <c>.wav</c> extension, with forward
/// slashes: <c>es/welcome</c> is <c>{Directory}/es/welcome.wav</c>. Safe to use from any thread; a
/// file is read once even when several calls ask for it at the same moment.
/// </remarks>
public sealed class PromptLibrary
{
    private const string Extension = ".wav";

    private readonly ConcurrentDictionary<string, Lazy<Prompt>> _prompts = new(StringComparer.Ordinal);

    /// <param name="directory">The folder holding the WAV files.</param>
    public PromptLibrary(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = System.IO.Path.GetFullPath(directory);
    }

    /// <summary>The folder the files are read from.</summary>
    public string Directory { get; }

    /// <summary>Prompts loaded or added so far.</summary>
    public int Count => _prompts.Count;

    /// <summary>The prompt of that name, loading its file on first use.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a WAV file the decoder reads.</exception>
    public Prompt Get(string name)
    {
        string key = Normalize(name);
        Lazy<Prompt> entry = _prompts.GetOrAdd(key, static (k, directory) => new Lazy<Prompt>(() => Load(directory, k)), Directory);
        try
        {
            return entry.Value;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or FormatException)
        {
            // A missing or broken file must not be remembered: it may be fixed while the service runs.
            _prompts.TryRemove(new KeyValuePair<string, Lazy<Prompt>>(key, entry));
            throw;
        }
    }

    /// <summary>The prompt of that name, or false when it has no file or the file does not decode.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out Prompt? prompt)
    {
        try
        {
            prompt = Get(name);
            return true;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or FormatException)
        {
            prompt = null;
            return false;
        }
    }

    /// <summary>Adds a prompt made in memory (e.g. synthesised), replacing one of the same name.</summary>
    public void Add(Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        _prompts[Normalize(prompt.Name)] = new Lazy<Prompt>(prompt);
    }

    /// <summary>Loads every WAV file under the folder now, so that no call waits for a file; returns how many.</summary>
    public int LoadAll()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        int loaded = 0;
        foreach (string file in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension, SearchOption.AllDirectories))
        {
            string relative = System.IO.Path.GetRelativePath(Directory, file);
            Get(relative[..^Extension.Length].Replace(System.IO.Path.DirectorySeparatorChar, '/'));
            loaded++;
        }

        return loaded;
    }

    private static Prompt Load(string directory, string name)
    {
        string path = System.IO.Path.Combine(directory, name.Replace('/', System.IO.Path.DirectorySeparatorChar) + Extension);
        return Prompt.FromWaveFile(path, name);
    }

    // Names come from IVR flows and configuration; they must not reach outside the folder.
    private static string Normalize(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string key = name.Replace('\\', '/');
        if (key.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
        {
            key = key[..^Extension.Length];
        }

        if (key.StartsWith('/') || System.IO.Path.IsPathRooted(key) || key.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"'{name}' is not a prompt name: use a relative path without '.' or '..' segments.", nameof(name));
        }

        return key;
    }
}
