using CallMyWay.Voice.Telephony.Calls;

namespace CallMyWay.Voice.Web.Calls.Queue;

/// <summary>A caller waiting for an agent: when they joined, who is being tried, who already let it ring out.</summary>
internal sealed class QueuedCall(ActiveCall call, string language, DateTimeOffset joinedAt)
{
    public ActiveCall Call { get; } = call;
    public string Language { get; } = language;
    public DateTimeOffset JoinedAt { get; } = joinedAt;

    /// <summary>Agents whose phone rang out or refused this call: they are not tried again for it.</summary>
    public HashSet<string> Declined { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The agent whose phone is ringing for this call, if any.</summary>
    public string? OfferedTo { get; set; }

    /// <summary>An agent who asked for this call from the console goes first.</summary>
    public string? RequestedBy { get; set; }

    public TaskCompletionSource<QueueOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
