namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>How punctually the <see cref="MediaClock"/> has kept its 20 ms schedule.</summary>
/// <param name="Ticks">Ticks run.</param>
/// <param name="CatchUpTicks">Ticks run a whole frame or more late, back to back with the one before.</param>
/// <param name="SkippedTicks">Ticks dropped because the clock was too far behind to catch up without a burst.</param>
/// <param name="StreamFaults">Exceptions thrown by streams' <see cref="IMediaClockStream.OnTick"/>.</param>
/// <param name="MinLateness">Smallest delay of a tick's start after its scheduled time.</param>
/// <param name="MeanLateness">Mean delay of ticks' starts.</param>
/// <param name="MaxLateness">Largest delay of a tick's start.</param>
/// <param name="P99Lateness">99th percentile of the delay, to 0.1 ms resolution.</param>
/// <param name="MinInterval">Shortest time between the starts of consecutive ticks.</param>
/// <param name="MeanInterval">Mean time between the starts of consecutive ticks.</param>
/// <param name="MaxInterval">Longest time between the starts of consecutive ticks.</param>
/// <param name="MeanWork">Mean time the streams took per tick; the last stream sends this much after the tick began.</param>
/// <param name="MaxWork">Longest time the streams took in one tick.</param>
public sealed record MediaClockStatistics(
    long Ticks,
    long CatchUpTicks,
    long SkippedTicks,
    long StreamFaults,
    TimeSpan MinLateness,
    TimeSpan MeanLateness,
    TimeSpan MaxLateness,
    TimeSpan P99Lateness,
    TimeSpan MinInterval,
    TimeSpan MeanInterval,
    TimeSpan MaxInterval,
    TimeSpan MeanWork,
    TimeSpan MaxWork);
