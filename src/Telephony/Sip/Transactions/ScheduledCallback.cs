namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>One callback waiting in a <see cref="TransactionScheduler"/>; cancel it when its timer no longer applies.</summary>
public sealed class ScheduledCallback
{
    private const int Pending = 0;
    private const int Claimed = 1;
    private const int Cancelled = 2;

    private readonly TransactionScheduler _scheduler;
    private Action<object?>? _callback;
    private object? _argument;
    private int _state;

    internal ScheduledCallback(TransactionScheduler scheduler, Action<object?> callback, object? argument, long deadline)
    {
        _scheduler = scheduler;
        _callback = callback;
        _argument = argument;
        Deadline = deadline;
    }

    /// <summary>When it is due, in <see cref="TimeProvider.GetTimestamp"/> units.</summary>
    internal long Deadline { get; }

    /// <summary>Whether it is still waiting to run.</summary>
    public bool IsPending => Volatile.Read(ref _state) == Pending;

    /// <summary>Stops the callback from running; returns false when it already ran or was cancelled.</summary>
    public bool Cancel() => _scheduler.TryCancel(this);

    /// <summary>Claims the entry for running; false when it was cancelled first.</summary>
    internal bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Pending) == Pending;

    /// <summary>Marks the entry cancelled and drops the callback and its argument, so that an entry still waiting in the queue does
    /// not keep its transaction alive; false when it already ran or was cancelled.</summary>
    internal bool TryMarkCancelled()
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Pending) != Pending)
        {
            return false;
        }

        _callback = null;
        _argument = null;
        return true;
    }

    internal void Invoke()
    {
        var callback = _callback;
        var argument = _argument;
        _callback = null;
        _argument = null;
        callback?.Invoke(argument);
    }
}
