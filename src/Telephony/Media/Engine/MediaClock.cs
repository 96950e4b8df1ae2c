using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>
/// The one pacing loop of all calls' media: every 20 ms it calls each registered stream's
/// <see cref="IMediaClockStream.OnTick"/>, so a thousand calls cost one thread, not a thousand timers.
/// </summary>
/// <remarks>
/// <para>
/// The loop runs on a single dedicated thread rather than a <see cref="PeriodicTimer"/>: a timer
/// callback waits behind whatever else the thread pool is doing (SIP, HTTP, database), while a
/// dedicated thread is woken by the kernel alone. It waits with a blocking wait rounded up to the
/// next millisecond (a futex / condition wait on Linux, accurate to a few tens of microseconds), so
/// ticks run 0–1 ms after their time and no core is burnt spinning. On Windows the default timer
/// resolution is 15.6 ms; the catch-up rule below still keeps the rate right there.
/// </para>
/// <para>
/// Tick n is due at start + n × 20 ms, computed from the start each time, so waiting errors never
/// add up to drift. A tick that runs late is followed at once by the next one if that is due too
/// (catch-up); when the loop is more than <see cref="MaxCatchUpFrames"/> frames behind, the oldest
/// ticks are skipped rather than sent as a burst the peers' jitter buffers would drop anyway.
/// </para>
/// <para>
/// All times come from the <see cref="TimeProvider"/>, so <see cref="RunDueTicks"/> and the
/// statistics run under a fake clock in tests; only the wait between ticks is real.
/// </para>
/// </remarks>
public sealed partial class MediaClock : IDisposable
{
    /// <summary>Ticks run back to back at most after the due one when the loop is late.</summary>
    public const int MaxCatchUpFrames = 2;

    /// <summary>Samples per frame at 8 kHz: the RTP timestamp advance per tick (RFC 3551 §4.5.14).</summary>
    public const int SamplesPerFrame = 160;

    private static readonly TimeSpan FaultLogInterval = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _wake = new(initialState: false, spinCount: 1);
    private readonly TickTimingRecorder _timing = new();
    private IMediaClockStream[] _streams = [];
    private Thread? _thread;
    private volatile bool _stopping;
    private bool _started;
    private long _start;
    private long _nextIndex;
    private long _lastFaultLog = long.MinValue;

    public MediaClock(TimeProvider? timeProvider = null, ILogger<MediaClock>? logger = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The tick period: one 20 ms frame.</summary>
    public static TimeSpan FrameDuration { get; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The time source of the schedule and the statistics.</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>Streams registered now.</summary>
    public int StreamCount => Volatile.Read(ref _streams).Length;

    /// <summary>Whether the pacing thread runs.</summary>
    public bool IsRunning => _thread is not null && !_stopping;

    /// <summary>Starts the pacing thread; calling it again does nothing.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            if (_thread is not null)
            {
                return;
            }

            _thread = new Thread(Run)
            {
                IsBackground = true,
                Name = "Media clock",
                Priority = ThreadPriority.AboveNormal,
            };
            _thread.Start();
        }
    }

    /// <summary>Adds a stream; it gets its first call at the next tick.</summary>
    public void Register(IMediaClockStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_gate)
        {
            // Copy on write: the loop iterates its snapshot without locking.
            if (Array.IndexOf(_streams, stream) < 0)
            {
                _streams = [.. _streams, stream];
            }
        }
    }

    /// <summary>
    /// Removes a stream. A tick already under way may still call it once, so streams tolerate a
    /// call after they were unregistered or disposed.
    /// </summary>
    public void Unregister(IMediaClockStream stream)
    {
        lock (_gate)
        {
            int index = Array.IndexOf(_streams, stream);
            if (index < 0)
            {
                return;
            }

            var streams = new IMediaClockStream[_streams.Length - 1];
            Array.Copy(_streams, 0, streams, 0, index);
            Array.Copy(_streams, index + 1, streams, index, streams.Length - index);
            _streams = streams;
        }
    }

    /// <summary>The punctuality of the ticks since the start or the last <see cref="ResetStatistics"/>.</summary>
    public MediaClockStatistics GetStatistics() => _timing.Snapshot();

    /// <summary>Starts a new measurement window.</summary>
    public void ResetStatistics() => _timing.Reset();

    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            thread = _thread;
        }

        _wake.Set();
        if (thread == Thread.CurrentThread)
        {
            // Disposed by a stream during a tick: the loop ends after it and still needs the event.
            return;
        }

        thread?.Join();
        _wake.Dispose();
    }

    /// <summary>
    /// Runs every tick that is due by now, at most <see cref="MaxCatchUpFrames"/> late ones back to
    /// back, and returns how long until the next is due. The first call starts the schedule and
    /// runs tick 0. The pacing thread calls this in a loop; tests call it after moving a fake clock.
    /// </summary>
    internal TimeSpan RunDueTicks()
    {
        long now = _time.GetTimestamp();
        if (!_started)
        {
            _start = now;
            _started = true;
        }

        long frame = FrameTimestampUnits;
        while (true)
        {
            long due = _start + (_nextIndex * frame);
            if (now < due)
            {
                return _time.GetElapsedTime(now, due);
            }

            long behind = (now - due) / frame;
            if (behind > MaxCatchUpFrames)
            {
                long skipped = behind - MaxCatchUpFrames;
                _nextIndex += skipped;
                due += skipped * frame;
                _timing.RecordSkipped(skipped);
            }

            RunTick(_nextIndex, due);
            _nextIndex++;
            now = _time.GetTimestamp();
        }
    }

    private long FrameTimestampUnits => FrameDuration.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond;

    private void RunTick(long index, long due)
    {
        long started = _time.GetTimestamp();
        var tick = new MediaTick(index, started);
        foreach (IMediaClockStream stream in Volatile.Read(ref _streams))
        {
            try
            {
                stream.OnTick(tick);
            }
#pragma warning disable CA1031 // One faulty stream must not stop every other call's audio.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _timing.RecordFault();
                if (_lastFaultLog == long.MinValue || _time.GetElapsedTime(_lastFaultLog, started) >= FaultLogInterval)
                {
                    _lastFaultLog = started;
                    LogStreamFault(_logger, exception, stream.GetType().Name, index);
                }
            }
        }

        long finished = _time.GetTimestamp();
        _timing.Record(
            index,
            _time.GetElapsedTime(_start, due),
            _time.GetElapsedTime(_start, started),
            _time.GetElapsedTime(_start, finished),
            FrameDuration);
    }

    private void Run()
    {
        while (!_stopping)
        {
            TimeSpan wait = RunDueTicks();
            if (wait > TimeSpan.Zero && !_stopping)
            {
                // Rounded up: waking early would only spin through a zero wait.
                _wake.Wait((int)Math.Ceiling(wait.TotalMilliseconds));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media stream {Stream} failed on tick {Tick}; later failures within a second are counted, not logged")]
    private static partial void LogStreamFault(ILogger logger, Exception exception, string stream, long tick);
}
