using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Flows;

/// <summary>Where a menu sends the call next: back to the main menu, to the polite fallback, or out of the IVR.</summary>
internal readonly record struct FlowResult
{
    private FlowResult(IvrOutcome? outcome, string? fallbackApology)
    {
        Outcome = outcome;
        FallbackApology = fallbackApology;
    }

    public static FlowResult MainMenu => default;

    /// <summary>Three failed tries at a step.</summary>
    public static FlowResult InputFailed => Fallback(PromptKeys.FallbackNotUnderstood);

    /// <summary>The call leaves the IVR this way.</summary>
    public IvrOutcome? Outcome { get; }

    /// <summary>When the caller could not be served: the apology the fallback opens with.</summary>
    public string? FallbackApology { get; }

    public static FlowResult Fallback(string apologyKey) => new(null, apologyKey);

    public static FlowResult End(IvrOutcome outcome) => new(outcome, null);
}
