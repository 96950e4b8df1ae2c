using System.Collections.Concurrent;
using CallMyWay.Voice.Web.WhatsApp;

namespace CallMyWay.Voice.Web.Tests.WhatsApp;

/// <summary>An inbox that keeps every hand-over, for asserting what the webhook accepted (or that it accepted nothing).</summary>
internal sealed class RecordingInbox : IWhatsAppInbox
{
    public ConcurrentQueue<(IReadOnlyList<InboundWhatsAppMessage> Messages, IReadOnlyList<WhatsAppStatusUpdate> Statuses)> Calls { get; } = new();

    public Task AcceptAsync(IReadOnlyList<InboundWhatsAppMessage> messages, IReadOnlyList<WhatsAppStatusUpdate> statuses, CancellationToken ct)
    {
        Calls.Enqueue((messages, statuses));
        return Task.CompletedTask;
    }
}
