using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Web.Tests.Calls.Queue;

/// <summary>A caller's channel whose hold announcements finish at once; the queue tests are about offers, not audio.</summary>
internal sealed class FakeIvrChannel(string callId, string? callerNumber, DeskNumber did) : IIvrChannel
{
    public string CallId { get; } = callId;

    public string? CallerNumber { get; } = callerNumber;

    public DeskNumber Did { get; } = did;

    public ValueTask PlayAsync(IReadOnlyList<PromptRef> prompts, bool bargeIn, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled(cancellationToken) : ValueTask.CompletedTask;

    public ValueTask<char?> ReadDigitAsync(TimeSpan timeout, CancellationToken cancellationToken) => ValueTask.FromResult<char?>(null);

    public ValueTask<IvrRecording?> RecordAsync(TimeSpan maxLength, CancellationToken cancellationToken) => ValueTask.FromResult<IvrRecording?>(null);

    public ValueTask HangupAsync() => ValueTask.CompletedTask;

    public void ClearDigits()
    {
        // No digits are ever buffered.
    }
}
