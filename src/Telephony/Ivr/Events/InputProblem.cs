namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>Why a try at a step failed.</summary>
public enum InputProblem
{
    /// <summary>Nothing typed (or said) before the timeout.</summary>
    NoInput,

    /// <summary>Something typed that the step does not take.</summary>
    Invalid,
}
