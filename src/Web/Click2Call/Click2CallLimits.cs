namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>
/// The in-memory guards of the endpoint: requests per client IP, callbacks per destination number, the cap on calls up
/// at once, and the gate that makes "is one pending for this number? else create it" atomic (coalescing).
/// </summary>
/// <remarks>
/// The windows live in memory: a restart forgives the counters, which costs at most one more window of requests; the
/// audit trail in the database keeps the evidence.
/// </remarks>
public sealed class Click2CallLimits(Click2CallOptions options)
{
    public SlidingWindowLimit PerClient { get; } = new(options.PerClient, options.ClientWindow);

    public SlidingWindowLimit PerNumber { get; } = new(options.PerNumber, options.NumberWindow);

    public OutboundCallSlots Calls { get; } = new(options.MaxConcurrentCalls);

    public SemaphoreSlim Gate { get; } = new(1, 1);
}
