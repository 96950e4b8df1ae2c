using CallMyWay.Voice.Telephony.Media.Dtmf;

namespace CallMyWay.Voice.Telephony.Media.Prompts;

/// <summary>How a run of queued prompts ended.</summary>
/// <param name="Reason">Why the queue ended.</param>
/// <param name="PromptsPlayed">Prompts that played to their end in this run.</param>
/// <param name="BargeInDigit">The key that interrupted the queue, when <paramref name="Reason"/> is <see cref="PromptStopReason.BargedIn"/>.</param>
public readonly record struct PromptQueueResult(PromptStopReason Reason, int PromptsPlayed, DtmfDigit? BargeInDigit = null);
