namespace CallMyWay.Voice.Web.Email.Reading;

/// <summary>Spanish or English, from the Content-Language header or else the common words of the text; Spanish when in doubt.</summary>
public static class LanguageGuess
{
    public const string Spanish = "es";
    public const string English = "en";

    private static readonly HashSet<string> SpanishWords =
    [
        "de", "la", "que", "el", "en", "los", "las", "por", "para", "con", "una", "un", "es", "del", "se", "su", "al", "lo", "como", "pero",
        "hola", "gracias", "buenos", "buenas", "dias", "tardes", "saludos", "favor", "estimados", "estimado", "nuestra", "nuestro",
        "extension", "llamadas", "llamada", "numero", "trafico", "saliente", "entrante", "fecha", "hora", "cuenta", "nombre", "problema",
        "ayuda", "funciona", "tenemos", "puede", "necesito", "necesitamos", "solicito", "quedo", "atento", "atentos", "sigue", "resuelto",
        "confirmo", "si", "usuario", "correo", "alta", "nueva", "activacion",
    ];

    private static readonly HashSet<string> EnglishWords =
    [
        "the", "and", "to", "of", "is", "are", "for", "with", "our", "we", "it", "this", "that", "have", "has", "not", "on", "be", "from", "can",
        "hello", "hi", "thanks", "thank", "please", "regards", "dear", "best", "kind", "team", "you", "your", "my", "i",
        "extension", "calls", "call", "number", "traffic", "outbound", "inbound", "date", "time", "account", "name", "problem",
        "help", "working", "need", "issue", "still", "solved", "confirm", "yes", "user", "email", "new", "activation",
    ];

    public static string Of(string? text, string? contentLanguage = null)
    {
        if (!string.IsNullOrWhiteSpace(contentLanguage))
        {
            var tag = contentLanguage.Trim().ToLowerInvariant();
            if (tag.StartsWith("en", StringComparison.Ordinal))
            {
                return English;
            }

            if (tag.StartsWith("es", StringComparison.Ordinal))
            {
                return Spanish;
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Spanish;
        }

        var sample = text.Length > 4000 ? text[..4000] : text;
        var spanish = 0;
        var english = 0;
        foreach (var word in FoldedText.Words(sample).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (SpanishWords.Contains(word))
            {
                spanish++;
            }

            if (EnglishWords.Contains(word))
            {
                english++;
            }
        }

        return english > spanish ? English : Spanish;
    }

    public static bool IsEnglish(string? language) => language is not null && language.StartsWith(English, StringComparison.OrdinalIgnoreCase);
}
