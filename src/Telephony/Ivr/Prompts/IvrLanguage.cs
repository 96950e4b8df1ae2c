namespace CallMyWay.Voice.Telephony.Ivr.Prompts;

/// <summary>The IVR's two languages: Latin American Spanish and English.</summary>
public static class IvrLanguage
{
    public const string Spanish = "es";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Spanish, English];

    /// <summary>The language a desk number's callers hear first: English for <c>en…</c>, Spanish otherwise (seven of the eight countries).</summary>
    public static string For(string? didLanguage) =>
        didLanguage is not null && didLanguage.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Spanish;

    /// <summary>The language <c>9</c> switches to.</summary>
    public static string Other(string language) => language == English ? Spanish : English;
}
