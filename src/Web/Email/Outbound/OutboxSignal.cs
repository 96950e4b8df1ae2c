using System.Threading.Channels;

namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>Wakes the outbox sender when mail is queued, so it does not wait for its next scheduled look.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Returns when notified or when <paramref name="timeout"/> (null: never) has passed on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan? timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (_wakeUps.Reader.TryRead(out _))
        {
            return;
        }

        if (timeout is { } due && due <= TimeSpan.Zero)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = timeout is { } wait ? Task.Delay(wait, time, stop.Token) : Task.Delay(Timeout.Infinite, stop.Token);
        var signal = _wakeUps.Reader.WaitToReadAsync(stop.Token).AsTask();
        await Task.WhenAny(delay, signal).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        _wakeUps.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
