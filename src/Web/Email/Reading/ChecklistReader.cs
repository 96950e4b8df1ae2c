using System.Text.RegularExpressions;
using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Web.Email.Reading;

/// <summary>
/// Reads the seed's checklists from labelled lines, in Spanish or English (<c>Extensión: 1234</c>,
/// <c>Direction: outbound</c>, <c>Número directo: sí</c>…). Labels are matched without accents, case, bullets or
/// parenthesised hints, so the template our missing-information mail sends back reads as well as free writing.
/// A blank or unreadable value is left out, so it is asked for again.
/// </summary>
public static partial class ChecklistReader
{
    private enum Field
    {
        Extension,
        Direction,
        Counterpart,
        OccurredAt,
        AccountId,
        FullName,
        DirectNumber,
        ExtensionType,
        TeamsEmail,
        RingGroup,
        AffectedUsers,
        Interruption,
        ContactNumber,
    }

    private static readonly Dictionary<string, Field> Labels = BuildLabels();

    /// <param name="text">The message's readable text.</param>
    /// <param name="english">Read ambiguous numeric dates month first.</param>
    /// <param name="deskOffset">The desk's UTC offset, for times written without one.</param>
    /// <param name="received">When the message arrived.</param>
    public static ChecklistReading Read(string text, bool english, TimeSpan deskOffset, DateTimeOffset received)
    {
        ArgumentNullException.ThrowIfNull(text);
        var details = CaseDetails.Empty;
        AffectedUsers? users = null;
        Interruption? interruption = null;
        string? contact = null;
        foreach (var rawLine in text.Split('\n'))
        {
            if (!TryLabelled(rawLine, out var field, out var value))
            {
                continue;
            }

            switch (field)
            {
                case Field.Extension:
                    details = details with { Extension = details.Extension ?? Short(value, 32) };
                    break;
                case Field.Direction:
                    details = details with { Direction = details.Direction ?? DirectionOf(value) };
                    break;
                case Field.Counterpart:
                    details = details with { CounterpartNumber = details.CounterpartNumber ?? PhoneOf(value) };
                    break;
                case Field.OccurredAt:
                    details = details with { OccurredAt = details.OccurredAt ?? MessageDates.Parse(value, deskOffset, english, received) };
                    break;
                case Field.AccountId:
                    details = details with { AccountId = details.AccountId ?? Short(value, 64) };
                    break;
                case Field.FullName:
                    details = details with { FullName = details.FullName ?? Short(value, 200) };
                    break;
                case Field.DirectNumber:
                    details = details with { DirectNumber = details.DirectNumber ?? YesNo(value) };
                    break;
                case Field.ExtensionType:
                    details = details with { ExtensionType = details.ExtensionType ?? ExtensionTypeOf(value) };
                    break;
                case Field.TeamsEmail:
                    details = details with { TeamsEmail = details.TeamsEmail ?? AddressIn(value) };
                    break;
                case Field.RingGroup:
                    details = RingGroupOf(details, value);
                    break;
                case Field.AffectedUsers:
                    users ??= AffectedUsersOf(value);
                    break;
                case Field.Interruption:
                    interruption ??= InterruptionOf(value);
                    break;
                case Field.ContactNumber:
                    contact ??= PhoneOf(value);
                    break;
                default:
                    break;
            }
        }

        return new ChecklistReading { Details = details, AffectedUsers = users, Interruption = interruption, ContactNumber = contact };
    }

    private static bool TryLabelled(string line, out Field field, out string value)
    {
        field = default;
        value = string.Empty;
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 80)
        {
            return false;
        }

        var label = Parenthesised().Replace(line[..colon], " ");
        label = FoldedText.Words(label);
        label = Bullet().Replace(label, string.Empty);
        if (!Labels.TryGetValue(label, out field))
        {
            return false;
        }

        value = line[(colon + 1)..].Trim().Trim('*', '_').Trim();
        return value.Length > 0;
    }

    private static string? Short(string value, int max)
    {
        var trimmed = value.Trim().TrimEnd('.', ';', ',');
        return trimmed.Length == 0 ? null : trimmed.Length <= max ? trimmed : trimmed[..max];
    }

    private static string? PhoneOf(string value)
    {
        var match = Phone().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Value.Count(char.IsAsciiDigit);
        return digits is >= 3 and <= 20 ? match.Value.Trim() : null;
    }

    private static string? AddressIn(string value)
    {
        var match = Address().Match(value);
        return match.Success ? match.Value.ToLowerInvariant() : null;
    }

    private static TrafficDirection? DirectionOf(string value)
    {
        var words = FoldedText.Words(value);
        var outbound = OutboundWords().IsMatch(words);
        var inbound = InboundWords().IsMatch(words);
        return outbound == inbound ? null : outbound ? TrafficDirection.Outbound : TrafficDirection.Inbound;
    }

    private static bool? YesNo(string value)
    {
        var first = FoldedText.Words(value).Split(' ', 2)[0];
        return first switch
        {
            "si" or "s" or "yes" or "y" or "true" or "1" or "requiere" or "required" or "needed" or "necesito" or "sip" => true,
            "no" or "n" or "false" or "0" or "ninguno" or "none" => false,
            _ => null,
        };
    }

    private static ExtensionType? ExtensionTypeOf(string value)
    {
        var words = FoldedText.Words(value);
        var teams = words.Contains("teams", StringComparison.Ordinal);
        var sip = Regex.IsMatch(words, @"\bsip\b", RegexOptions.CultureInvariant);
        return teams == sip ? null : teams ? ExtensionType.Teams : ExtensionType.Sip;
    }

    private static CaseDetails RingGroupOf(CaseDetails details, string value)
    {
        if (details.InRingGroup is not null)
        {
            return details;
        }

        var answer = YesNo(value);
        if (answer == false)
        {
            return details with { InRingGroup = false };
        }

        // "sí, Ventas" or just "Ventas": a member of that group; a bare "sí" still needs the group's name.
        var name = answer == true ? YesPrefix().Replace(value.Trim(), string.Empty).Trim() : value.Trim();
        name = name.TrimEnd('.', ';');
        return details with { InRingGroup = true, RingGroup = name.Length == 0 ? null : Short(name, 100) };
    }

    private static AffectedUsers? AffectedUsersOf(string value)
    {
        var words = FoldedText.Words(value);
        if (Regex.IsMatch(words, @"^(3\b|todos|toda|all|everyone|everybody|whole|entire|the whole)", RegexOptions.CultureInvariant))
        {
            return AffectedUsers.All;
        }

        if (Regex.IsMatch(words, @"^(2\b|varios|algunos|several|multiple|some|many|muchos)", RegexOptions.CultureInvariant))
        {
            return AffectedUsers.Several;
        }

        return Regex.IsMatch(words, @"^(1\b|uno|una|un usuario|one|single|solo|only)", RegexOptions.CultureInvariant) ? AffectedUsers.One : null;
    }

    private static Interruption? InterruptionOf(string value)
    {
        var words = FoldedText.Words(value);
        if (words.Length > 0 && words[0] is >= '1' and <= '4' && (words.Length == 1 || !char.IsAsciiDigit(words[1])))
        {
            return (Interruption)(words[0] - '0');
        }

        if (Regex.IsMatch(words, @"\b(no funciona|nada funciona|caido|caida|not working|down|outage|nothing works)\b", RegexOptions.CultureInvariant))
        {
            return Interruption.NotWorking;
        }

        if (Regex.IsMatch(words, @"\b(seriamente|gravemente|grave|serious|seriously|severely|severe)\b", RegexOptions.CultureInvariant))
        {
            return Interruption.SeriouslyAffected;
        }

        if (Regex.IsMatch(words, @"\b(sin impacto|ninguno|ninguna|no impact|none|consulta|pregunta|question)\b", RegexOptions.CultureInvariant))
        {
            return Interruption.NoImpact;
        }

        return Regex.IsMatch(words, @"\b(puede trabajar|podemos trabajar|can work|can keep working|afectado|affected|degradado|degraded)\b", RegexOptions.CultureInvariant)
            ? Interruption.AffectedCanWork
            : null;
    }

    private static Dictionary<string, Field> BuildLabels()
    {
        var labels = new Dictionary<string, Field>(StringComparer.Ordinal);
        void Add(Field field, params string[] names)
        {
            foreach (var name in names)
            {
                labels[name] = field;
            }
        }

        Add(
            Field.Extension,
            "extension", "ext", "extension o usuario", "extension afectada", "numero de extension", "numero de extension o usuario",
            "extension deseada", "numero de extension deseado", "usuario", "usuario afectado", "extension number", "affected extension",
            "extension or user", "desired extension", "user", "affected user");
        Add(
            Field.Direction,
            "trafico", "tipo de trafico", "direccion", "direccion del trafico", "sentido", "sentido de la llamada", "trafico entrante o saliente",
            "trafico saliente o entrante", "direction", "traffic", "traffic direction", "call direction", "traffic inbound or outbound");
        Add(
            Field.Counterpart,
            "contraparte", "numero contraparte", "numero de contraparte", "numero de la contraparte", "numero destino", "numero de destino",
            "counterpart", "counterpart number", "other party", "other party number", "destination number", "number called");
        Add(
            Field.OccurredAt,
            "fecha y hora", "fecha y hora aproximada", "fecha hora", "fecha", "hora", "fecha del evento", "fecha y hora del evento",
            "date and time", "approximate date and time", "date", "time", "date time", "when");
        Add(Field.AccountId, "id de cuenta", "id de la cuenta", "id cuenta", "cuenta", "numero de cuenta", "account id", "account", "account number");
        Add(
            Field.FullName,
            "nombre completo", "nombre completo del usuario", "nombre del usuario", "nombre", "full name", "full name of the user",
            "user full name", "name");
        Add(
            Field.DirectNumber,
            "numero directo", "requiere numero directo", "did", "direct number", "direct dial", "needs a direct number", "direct number needed");
        Add(Field.ExtensionType, "tipo", "tipo de extension", "extension type", "type");
        Add(
            Field.TeamsEmail,
            "correo teams", "correo de teams", "correo de teams a ligar", "correo a ligar", "correo electronico a ligar", "correo electronico de teams",
            "teams email", "teams e mail", "teams mail", "teams e mail to link", "teams email to link", "email teams");
        Add(
            Field.RingGroup,
            "grupo de timbrado", "grupo o cola de timbrado", "grupo o cola", "cola de timbrado", "grupo", "cola", "ring group",
            "ring group or queue", "queue", "hunt group");
        Add(Field.AffectedUsers, "usuarios afectados", "afectados", "cantidad de usuarios afectados", "affected users", "users affected");
        Add(Field.Interruption, "interrupcion", "nivel de interrupcion", "impacto", "interruption", "impact", "level of interruption");
        Add(Field.ContactNumber, "telefono", "telefono de contacto", "numero de contacto", "phone", "phone number", "contact number", "contact phone");
        return labels;
    }

    [GeneratedRegex(@"\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^(\d{1,2} )", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\+?\d[\d\s().-]{1,30}\d", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"\b(saliente|salientes|salida|outbound|outgoing|out)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OutboundWords();

    [GeneratedRegex(@"\b(entrante|entrantes|entrada|inbound|incoming|in)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InboundWords();

    [GeneratedRegex(@"^(s[ií]|yes|y)\b[\s,;:.-]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YesPrefix();
}
