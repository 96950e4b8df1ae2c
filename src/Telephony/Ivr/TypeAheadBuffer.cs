namespace CallMyWay.Voice.Telephony.Ivr;

/// <summary>
/// One call's DTMF type-ahead: the media and signalling layer pushes every digit it detects, the IVR reads them in
/// order with a timeout, and prompts with barge-in stop when one arrives. Timeouts run on the injected
/// <see cref="TimeProvider"/>. One reader at a time (the IVR); pushes may come from any thread.
/// </summary>
public sealed class TypeAheadBuffer(TimeProvider time)
{
    /// <summary>
    /// Enough for a case number typed ahead of its question; beyond it a stuck key or an INFO flood would only
    /// grow memory, so later digits are dropped.
    /// </summary>
    public const int Capacity = 64;

    private readonly Lock _gate = new();
    private readonly Queue<char> _digits = new();
    private TaskCompletionSource? _arrival;

    /// <summary>How many digits wait to be read.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _digits.Count;
            }
        }
    }

    /// <summary>Adds a detected digit (<c>0-9</c>, <c>*</c>, <c>#</c>, <c>A-D</c>); false when dropped because the buffer is full.</summary>
    public bool Push(char digit)
    {
        if (!IsDtmf(digit))
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "A DTMF digit is 0-9, *, # or A-D.");
        }

        TaskCompletionSource? arrival;
        lock (_gate)
        {
            if (_digits.Count >= Capacity)
            {
                return false;
            }

            _digits.Enqueue(digit);
            arrival = _arrival;
            _arrival = null;
        }

        arrival?.TrySetResult();
        return true;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _digits.Clear();
        }
    }

    /// <summary>The oldest digit, waiting up to <paramref name="timeout"/> for one to arrive; null on timeout.</summary>
    public async ValueTask<char?> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task arrival;
        lock (_gate)
        {
            if (_digits.TryDequeue(out var buffered))
            {
                return buffered;
            }

            arrival = ArrivalLocked();
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var expiry = Task.Delay(timeout, time, timer.Token);
        while (true)
        {
            var first = await Task.WhenAny(arrival, expiry).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                if (_digits.TryDequeue(out var digit))
                {
                    timer.Cancel();
                    return digit;
                }

                if (first == expiry)
                {
                    return null;
                }

                // Someone cleared the buffer between the push and our wake-up: keep waiting for the next one.
                arrival = ArrivalLocked();
            }
        }
    }

    /// <summary>Completes as soon as a digit is buffered (at once if one already is), without taking it: the barge-in signal.</summary>
    public Task WaitForDigitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _digits.Count > 0 ? Task.CompletedTask : ArrivalLocked().WaitAsync(cancellationToken);
        }
    }

    private static bool IsDtmf(char digit) => char.IsAsciiDigit(digit) || digit is '*' or '#' or (>= 'A' and <= 'D');

    private Task ArrivalLocked() =>
        (_arrival ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
}
