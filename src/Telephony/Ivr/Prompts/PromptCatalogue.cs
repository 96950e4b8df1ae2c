using System.Collections.Frozen;
using System.Text.Json;

namespace CallMyWay.Voice.Telephony.Ivr.Prompts;

/// <summary>
/// The IVR's sentences: <c>catalogue.json</c> (key → text per language, what each recording says) and the recordings
/// next to it, <c>&lt;directory&gt;/&lt;language&gt;/&lt;key&gt;.wav</c> (8 kHz mono 16-bit PCM). A studio set replaces
/// the files under the same names with no code change.
/// </summary>
public sealed class PromptCatalogue
{
    public const string FileName = "catalogue.json";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;

    /// <param name="directory">The folder holding one sub-folder of WAV files per language.</param>
    /// <param name="texts">Key → language → text.</param>
    public PromptCatalogue(string directory, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> texts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var key in texts.Keys)
        {
            if (!IsValidKey(key))
            {
                throw new ArgumentException($"Prompt key '{key}' is not a file name: use lower-case letters, digits, '.', '-' and '+'.", nameof(texts));
            }
        }

        Directory = Path.GetFullPath(directory);
        _texts = texts.ToFrozenDictionary(
            entry => entry.Key,
            entry => entry.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public string Directory { get; }

    public IReadOnlyCollection<string> Keys => _texts.Keys;

    /// <summary>Reads <c>&lt;directory&gt;/catalogue.json</c>: <c>{ "key": { "es": "…", "en": "…" }, … }</c>.</summary>
    /// <exception cref="FormatException">The file is not such an object; the message names the key at fault.</exception>
    public static PromptCatalogue Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var path = Path.Combine(directory, FileName);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path} must hold one JSON object: prompt key → {{ language: text }}.");
        }

        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var prompt in document.RootElement.EnumerateObject())
        {
            if (prompt.Value.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{path}: prompt '{prompt.Name}' must be an object of texts per language.");
            }

            var byLanguage = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var text in prompt.Value.EnumerateObject())
            {
                if (text.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.Value.GetString()))
                {
                    throw new FormatException($"{path}: prompt '{prompt.Name}' has no text for '{text.Name}'.");
                }

                byLanguage[text.Name] = text.Value.GetString()!;
            }

            if (!IsValidKey(prompt.Name))
            {
                throw new FormatException($"{path}: prompt key '{prompt.Name}' is not a file name (lower-case letters, digits, '.', '-', '+').");
            }

            texts[prompt.Name] = byLanguage;
        }

        return new PromptCatalogue(directory, texts);
    }

    public bool Contains(PromptRef prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return _texts.TryGetValue(prompt.Key, out var byLanguage) && byLanguage.ContainsKey(prompt.Language);
    }

    /// <summary>What the recording says, or null when the catalogue has no such prompt.</summary>
    public string? TextOf(PromptRef prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return _texts.TryGetValue(prompt.Key, out var byLanguage) && byLanguage.TryGetValue(prompt.Language, out var text) ? text : null;
    }

    /// <summary>The recording's file: <c>&lt;directory&gt;/&lt;language&gt;/&lt;key&gt;.wav</c>.</summary>
    public string FilePath(PromptRef prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (!IsValidKey(prompt.Key) || !IsValidKey(prompt.Language))
        {
            throw new ArgumentException($"'{prompt}' does not name a prompt file.", nameof(prompt));
        }

        return Path.Combine(Directory, prompt.Language, prompt.Key + ".wav");
    }

    /// <summary>
    /// The prompts among <paramref name="keys"/> × <paramref name="languages"/> that have no text or no recording: empty
    /// when the IVR can play everything. The host checks <see cref="PromptKeys.All"/> at start.
    /// </summary>
    public IReadOnlyList<PromptRef> Missing(IEnumerable<string> keys, IEnumerable<string> languages)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(languages);
        var languageList = languages.ToList();
        return
        [
            .. from key in keys
               from language in languageList
               let prompt = new PromptRef(key, language)
               where !Contains(prompt) || !File.Exists(FilePath(prompt))
               select prompt,
        ];
    }

    private static bool IsValidKey(string key) =>
        key.Length > 0
        && (char.IsAsciiLetterLower(key[0]) || char.IsAsciiDigit(key[0]))
        && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '+');
}
