using System.Threading.Channels;

namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>Wakes the outbox sender when mail is queued, so it does not wait for its next scheduled look.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Remembered until the next wait, so a notification between two waits is not lost.</summary>
    public void Notify() => _wakeUps.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (await _wakeUps.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            _wakeUps.Reader.TryRead(out _);
        }
    }
}
