using System.Text.Json;
using System.Text.RegularExpressions;
using CallMyWay.Voice.Domain.Numbers;

namespace CallMyWay.Voice.Web.Numbers;

/// <summary>
/// Reads and validates <c>config/numbers.json</c>. Any problem stops the service with a message naming the
/// file, the entry and what is wrong, because a desk that answers the wrong numbers is worse than none.
/// </summary>
public static partial class NumbersFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static NumberPlan Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new NumbersFileException($"{path}: the numbers file does not exist (set Numbers:File).");
        }

        NumbersDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<NumbersDocument>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new NumbersFileException($"{path}: not valid JSON ({ex.Message}).", ex);
        }

        if (document?.Numbers is not { Count: > 0 } entries)
        {
            throw new NumbersFileException($"{path}: \"numbers\" must list at least one number.");
        }

        var numbers = new List<DeskNumber>(entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var where = $"{path}: entry {i + 1}" + (string.IsNullOrWhiteSpace(entry?.E164) ? string.Empty : $" ({entry.E164})");
            if (entry is null)
            {
                throw new NumbersFileException($"{where}: is empty.");
            }

            if (entry.E164 is null || !E164().IsMatch(entry.E164))
            {
                throw new NumbersFileException($"{where}: \"e164\" must be a number in E.164 form such as +525541708422.");
            }

            if (entry.Country is null || !Country().IsMatch(entry.Country))
            {
                throw new NumbersFileException($"{where}: \"country\" must be a two-letter ISO code such as MX.");
            }

            if (entry.Language is not ("es" or "en"))
            {
                throw new NumbersFileException($"{where}: \"language\" must be \"es\" or \"en\", not \"{entry.Language}\".");
            }

            if (!seen.Add(entry.E164))
            {
                throw new NumbersFileException($"{where}: the number is listed twice.");
            }

            numbers.Add(new DeskNumber(entry.E164, entry.Country, entry.Language, entry.TollFree, entry.WhatsApp, string.IsNullOrWhiteSpace(entry.Display) ? entry.E164 : entry.Display.Trim()));
        }

        return new NumberPlan(numbers);
    }

    /// <summary>Finds a file or folder: as given (relative to the working directory), else beside the application (where the build copies it).</summary>
    public static string Resolve(string configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        if (Path.IsPathRooted(configured) || Path.Exists(configured))
        {
            return Path.GetFullPath(configured);
        }

        var besideApp = Path.Combine(AppContext.BaseDirectory, configured);
        return Path.Exists(besideApp) ? besideApp : Path.GetFullPath(configured);
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex Country();

    private sealed record NumbersDocument(List<NumberEntry?>? Numbers);

    private sealed record NumberEntry(string? E164, string? Display, string? Country, string? Language, bool TollFree, bool WhatsApp);
}
