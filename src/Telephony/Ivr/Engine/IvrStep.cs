using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Engine;

/// <summary>One question of a menu: what is said, and what answer is taken.</summary>
/// <param name="Name">The step's name in events and on the agents' screen, e.g. <c>incident.extension</c>.</param>
/// <param name="Prompts">The question, replayed on every try after the complaint about the previous one.</param>
internal sealed record IvrStep(string Name, IReadOnlyList<PromptRef> Prompts, IvrInput Input);
