using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Engine;

/// <summary>One try at a step: its answer, or why it failed and what to say about it before asking again.</summary>
internal readonly record struct InputAttempt(IvrAnswer? Answer, InputProblem Problem, string Complaint, string Typed)
{
    public static InputAttempt Answered(IvrAnswer answer) => new(answer, default, string.Empty, answer.Digits);

    public static InputAttempt NoInput(string typed = "") => new(null, InputProblem.NoInput, PromptKeys.InputNone, typed);

    public static InputAttempt Invalid(string typed, string complaint = PromptKeys.InputInvalid) =>
        new(null, InputProblem.Invalid, complaint, typed);
}
