namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>Configuration section <c>Click2Call</c>: the protections and the retry policy of website callbacks.</summary>
public sealed class Click2CallOptions
{
    public const string Section = "Click2Call";

    /// <summary>Requests one client IP may make in <see cref="ClientWindow"/>, whatever their outcome.</summary>
    public int PerClient { get; set; } = 5;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Callbacks one destination number may receive in <see cref="NumberWindow"/> (coalesced requests do not count).</summary>
    public int PerNumber { get; set; } = 3;

    public TimeSpan NumberWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Outbound callback calls up at once (ringing or answered); beyond it a request is refused with 429.</summary>
    public int MaxConcurrentCalls { get; set; } = 20;

    /// <summary>Dial attempts per callback, the first included.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Time between a busy, unanswered or failed attempt and the next (moved to the next opening when the desk is closed by then).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the visitor's phone may ring.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The display name of our From (the DID of the visitor's country is the number).</summary>
    public string DisplayName { get; set; } = "CallMyWay";

    /// <summary>Whether numbers libphonenumber classes as VOIP are dialled; off by default (see <see cref="DestinationPolicy"/>).</summary>
    public bool AllowVoip { get; set; }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Positive(PerClient, "Click2Call:PerClient", problems);
        Positive(PerNumber, "Click2Call:PerNumber", problems);
        Positive(MaxConcurrentCalls, "Click2Call:MaxConcurrentCalls", problems);
        Positive(MaxAttempts, "Click2Call:MaxAttempts", problems);
        Positive(ClientWindow, "Click2Call:ClientWindow", problems);
        Positive(NumberWindow, "Click2Call:NumberWindow", problems);
        Positive(RetryDelay, "Click2Call:RetryDelay", problems);
        Positive(RingTimeout, "Click2Call:RingTimeout", problems);
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            problems.Add("Click2Call:DisplayName must not be empty.");
        }

        return problems;
    }

    private static void Positive(int value, string key, List<string> problems)
    {
        if (value <= 0)
        {
            problems.Add($"{key} must be greater than zero, not {value}.");
        }
    }

    private static void Positive(TimeSpan value, string key, List<string> problems)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{key} must be a positive time span, not {value}.");
        }
    }
}
