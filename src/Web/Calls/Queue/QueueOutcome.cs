namespace CallMyWay.Voice.Web.Calls.Queue;

/// <summary>How a caller's wait in the queue ended.</summary>
public enum QueueOutcome
{
    /// <summary>An agent answered and the call was bridged; it has ended since.</summary>
    Served,

    /// <summary>Nobody answered within the maximum wait.</summary>
    TimedOut,

    /// <summary>The caller hung up while waiting.</summary>
    Abandoned,
}
