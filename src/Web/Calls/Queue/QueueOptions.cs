namespace CallMyWay.Voice.Web.Calls.Queue;

/// <summary>Configuration section <c>Queue</c>: how callers wait for agents.</summary>
public sealed class QueueOptions
{
    public const string Section = "Queue";

    /// <summary>How long an agent's phone rings before the call is offered to the next agent.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a caller waits at most before being offered a callback.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often a waiting caller hears their position.</summary>
    public TimeSpan AnnounceEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a call, how long an agent stays in wrap-up before being offered the next one.</summary>
    public TimeSpan WrapUp { get; set; } = TimeSpan.FromSeconds(10);
}
