using System.Globalization;
using System.Reflection;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Telephony.Ivr.Prompts;

/// <summary>
/// Every prompt key the IVR plays, so that a key used in a flow and the one in <c>prompts/catalogue.json</c> cannot
/// drift apart unnoticed (<see cref="All"/> is what the catalogue must hold).
/// </summary>
public static class PromptKeys
{
    public const string Welcome = "welcome";

    /// <summary>"Para español, marque 9" / "For English, press 9": played in the language it offers.</summary>
    public const string LanguageOffer = "language.offer";

    public const string MenuCases = "menu.cases";
    public const string MenuAgent = "menu.agent";
    public const string MenuCallback = "menu.callback";
    public const string ClosedIntro = "closed.intro";

    public const string HoursIntro = "hours.intro";
    public const string HoursWeekdays = "hours.weekdays";
    public const string HoursWeekdaysAllDay = "hours.weekdays-all-day";
    public const string HoursWeekdaysClosed = "hours.weekdays-closed";
    public const string HoursWeekends = "hours.weekends";
    public const string HoursWeekendsAllDay = "hours.weekends-all-day";
    public const string HoursWeekendsClosed = "hours.weekends-closed";
    public const string HoursTo = "hours.to";
    public const string HoursSeeWebsite = "hours.see-website";

    public const string ContactEmail = "contact.email";
    public const string Goodbye = "goodbye";

    public const string InputInvalid = "input.invalid";
    public const string InputNone = "input.none";
    public const string FallbackNotUnderstood = "fallback.not-understood";

    public const string AgentTransfer = "agent.transfer";

    /// <summary>The agents' queue: "your call is number" · digits · "in line", the thank-you, and the callback when the wait runs out.</summary>
    public const string QueuePosition = "queue.position";
    public const string QueueInLine = "queue.in-line";
    public const string QueueHold = "queue.hold";
    public const string QueueTimeout = "queue.timeout";
    public const string AgentUnavailable = "agent.unavailable";
    public const string CallbackOfferSoon = "callback.offer-soon";
    public const string CallbackOfferOpening = "callback.offer-opening";
    public const string CallbackAccept = "callback.accept";
    public const string CallbackNoNumber = "callback.no-number";
    public const string CallbackSaved = "callback.saved";

    public const string IncidentExtension = "incident.extension";
    public const string IncidentDirection = "incident.direction";
    public const string IncidentCounterpart = "incident.counterpart";
    public const string IncidentWhen = "incident.when";
    public const string IncidentWhenExample = "incident.when-example";
    public const string IncidentWhenInvalid = "incident.when-invalid";
    public const string IncidentWhenFuture = "incident.when-future";
    public const string IncidentUsers = "incident.users";
    public const string IncidentInterruption = "incident.interruption";
    public const string IncidentSaved = "incident.saved";

    public const string CaseRepeat = "case.repeat";

    /// <summary>"An agent will confirm your case number": the case waits in the outbox while the database is down.</summary>
    public const string CasePending = "case.pending";

    public const string CaseNotRecorded = "case.not-recorded";

    public const string ActivationAccount = "activation.account";
    public const string ActivationExtension = "activation.extension";
    public const string ActivationDirectNumber = "activation.direct-number";
    public const string ActivationType = "activation.type";
    public const string ActivationRingGroup = "activation.ring-group";
    public const string ActivationName = "activation.name";
    public const string Tone = "tone";
    public const string ActivationSaved = "activation.saved";
    public const string ActivationMissing = "activation.missing";
    public const string ActivationCharges = "activation.charges";

    public const string StatusCaseNumber = "status.case-number";
    public const string StatusNotFound = "status.not-found";
    public const string StatusUnavailable = "status.unavailable";
    public const string StatusCase = "status.case";
    public const string StatusState = "status.state";
    public const string StatusSeverity = "status.severity";
    public const string StatusLevel = "status.level";

    /// <summary>The clock hours the catalogue holds: the desk's plausible opening (5–10) and closing (15–24) hours.</summary>
    /// <remarks>Hours outside are announced with <see cref="HoursSeeWebsite"/>; to extend, add the hour here and <c>clock.N</c> to the catalogue.</remarks>
    public static IReadOnlyList<int> ClockHours { get; } = [5, 6, 7, 8, 9, 10, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];

    /// <summary>UTC offsets (whole hours) whose name the catalogue holds; others are not announced.</summary>
    public static IReadOnlyList<int> TimeZoneHours { get; } = [-6];

    /// <summary>The case's missing-information names an IVR activation can leave open (the IVR asks for the rest).</summary>
    public static IReadOnlyList<string> MissingFields { get; } = ["fullName", "teamsEmail", "ringGroup"];

    /// <summary>Every key the IVR may play: the constants above and each family.</summary>
    public static IReadOnlyList<string> All { get; } = BuildAll();

    /// <summary><c>digit.0</c>…<c>digit.9</c>, <c>digit.star</c>, <c>digit.hash</c>.</summary>
    public static string Digit(char digit) => digit switch
    {
        >= '0' and <= '9' => "digit." + digit,
        '*' => "digit.star",
        '#' => "digit.hash",
        _ => throw new ArgumentOutOfRangeException(nameof(digit), digit, "Only 0-9, * and # are read aloud."),
    };

    /// <summary><c>clock.6</c> is "6 A M", <c>clock.21</c> "9 P M", <c>clock.24</c> midnight.</summary>
    public static string Clock(int hour) => "clock." + hour.ToString(CultureInfo.InvariantCulture);

    /// <summary>"today at", "tomorrow at", "on Monday at"…: how far away a local date is from today.</summary>
    public static string Day(DateOnly date, DateOnly today) =>
        date == today ? "day.today"
        : date == today.AddDays(1) ? "day.tomorrow"
        : "day." + date.DayOfWeek.ToString().ToLowerInvariant();

    /// <summary><c>tz.gmt-6</c> for a UTC offset of −6 hours.</summary>
    public static string TimeZone(int offsetHours) =>
        "tz.gmt" + (offsetHours >= 0 ? "+" : "-") + Math.Abs(offsetHours).ToString(CultureInfo.InvariantCulture);

    public static string State(CaseStatus status) => status switch
    {
        CaseStatus.New => "state.new",
        CaseStatus.AwaitingInfo => "state.awaiting-info",
        CaseStatus.Open => "state.open",
        CaseStatus.InProgress => "state.in-progress",
        CaseStatus.Resolved => "state.resolved",
        CaseStatus.Closed => "state.closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown case status."),
    };

    /// <summary><c>severity.s1</c> "S1, critical" … <c>severity.s4</c> "S4, low impact".</summary>
    public static string SeverityOf(Severity severity) => severity switch
    {
        Severity.S1 or Severity.S2 or Severity.S3 or Severity.S4 => "severity.s" + ((int)severity).ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Severity is S1 to S4."),
    };

    public static string Level(EscalationLevel level) => level switch
    {
        EscalationLevel.Level1 or EscalationLevel.Level2 or EscalationLevel.Level3 => "level." + ((int)level).ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Levels are 1 to 3."),
    };

    /// <summary><c>missing.full-name</c> for the case field <c>fullName</c>: what the caller still has to send in writing.</summary>
    public static string Missing(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var key = new System.Text.StringBuilder("missing.", field.Length + 12);
        foreach (var c in field)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                key.Append('-').Append(char.ToLowerInvariant(c));
            }
            else
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    private static string[] BuildAll()
    {
        var keys = typeof(PromptKeys)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();
        keys.AddRange("0123456789*#".Select(Digit));
        keys.AddRange(ClockHours.Select(Clock));
        keys.AddRange(TimeZoneHours.Select(TimeZone));
        keys.AddRange(["day.today", "day.tomorrow"]);
        keys.AddRange(Enum.GetValues<DayOfWeek>().Select(day => "day." + day.ToString().ToLowerInvariant()));
        keys.AddRange(Enum.GetValues<CaseStatus>().Select(State));
        keys.AddRange(Enum.GetValues<Severity>().Select(SeverityOf));
        keys.AddRange(Enum.GetValues<EscalationLevel>().Select(Level));
        keys.AddRange(MissingFields.Select(Missing));
        return [.. keys.Distinct(StringComparer.Ordinal)];
    }
}
