using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr;

/// <summary>What the IVR needs from an answered call; the signalling and media layer implements it once per call.</summary>
/// <remarks>
/// DTMF from every source (RFC 4733 events, SIP INFO, in-band tones) lands in one type-ahead buffer per call
/// (<see cref="TypeAheadBuffer"/> is such a buffer): digits typed while a prompt plays are kept for the next
/// read, and stop a prompt that was started with barge-in. When the caller hangs up, pending and later
/// operations throw <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IIvrChannel
{
    /// <summary>The call's identifier, the one the agents' console sees (<c>callId</c> in <c>callUpdated</c>).</summary>
    string CallId { get; }

    /// <summary>The caller's number as the network gave it (E.164 when known); null when withheld.</summary>
    string? CallerNumber { get; }

    /// <summary>The desk number that was dialled; its language is the IVR's first language.</summary>
    DeskNumber Did { get; }

    /// <summary>
    /// Plays the prompts one after the other (the files <see cref="PromptCatalogue.FilePath"/> names). Completes when
    /// all have played or, with <paramref name="bargeIn"/>, as soon as a digit is buffered, including one typed before
    /// the call (the prompt then does not start). The digit stays in the buffer for <see cref="ReadDigitAsync"/>.
    /// </summary>
    ValueTask PlayAsync(IReadOnlyList<PromptRef> prompts, bool bargeIn, CancellationToken cancellationToken);

    /// <summary>The oldest buffered digit (<c>0-9</c>, <c>*</c>, <c>#</c>), waiting up to <paramref name="timeout"/> for one; null on timeout.</summary>
    ValueTask<char?> ReadDigitAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Records the caller until they press <c>#</c> (consumed, not left in the buffer), stay silent, or
    /// <paramref name="maxLength"/> passes. Null when nothing but silence was heard.
    /// </summary>
    ValueTask<IvrRecording?> RecordAsync(TimeSpan maxLength, CancellationToken cancellationToken);

    /// <summary>Ends the call from our side (BYE).</summary>
    ValueTask HangupAsync();

    /// <summary>Forgets buffered digits, so that leftovers of a rejected entry do not answer the next question.</summary>
    void ClearDigits();
}
