using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>The written channels' abuse limits: chats started per client IP, messages per conversation or number, closed-hours messages per IP.</summary>
public sealed class ChatLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _starts;
    private readonly PartitionedRateLimiter<string> _messages;
    private readonly PartitionedRateLimiter<string> _offline;

    public ChatLimiter(IOptions<ChatOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _starts = PerKey(o.StartsPerClientPerHour, TimeSpan.FromHours(1));
        _messages = PerKey(o.MessagesPerMinute, TimeSpan.FromMinutes(1));
        _offline = PerKey(o.OfflineMessagesPerClientPerHour, TimeSpan.FromHours(1));
    }

    public bool TryStart(string clientIp) => Acquire(_starts, clientIp);

    /// <summary>One message from a visitor's conversation or a WhatsApp number.</summary>
    public bool TrySend(string sender) => Acquire(_messages, sender);

    public bool TryLeaveMessage(string clientIp) => Acquire(_offline, clientIp);

    public void Dispose()
    {
        _starts.Dispose();
        _messages.Dispose();
        _offline.Dispose();
    }

    private static bool Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> PerKey(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0 }));
}
