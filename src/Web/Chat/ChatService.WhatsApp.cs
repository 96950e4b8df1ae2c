using System.Globalization;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Conversations;
using CallMyWay.Voice.Web.Customers;
using CallMyWay.Voice.Web.Desk;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>
/// The WhatsApp half of the written channels: messages from the webhook join their customer's open conversation,
/// agents' answers and templates leave through the Cloud API, statuses move them forward, and an away notice
/// answers outside business hours.
/// </summary>
public sealed partial class ChatService
{
    /// <summary>Outside the 24-hour window only an approved template may reach a WhatsApp customer.</summary>
    public async Task<ChatOutcome> SendTemplateAsync(string conversationId, ChatAgent agent, string templateName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var template = whatsApp.Templates.FirstOrDefault(t => string.Equals(t.Name, templateName, StringComparison.Ordinal));
        if (template is null)
        {
            return ChatOutcome.Refused(DomainError.Invalid($"\"{templateName}\" is not an approved template; the approved ones are: {string.Join(", ", whatsApp.Templates.Select(t => t.Name))}."));
        }

        var outcome = await ChangeAsync(conversationId, agent.DisplayName, c =>
        {
            if (c.Channel != CaseChannel.Whatsapp)
            {
                return (DomainError.Invalid("Templates are for WhatsApp conversations."), null);
            }

            var post = c.AddAgentMessage(agent.Email, agent.DisplayName, new NewChatMessage($"[template {template.Name}]"), Now);
            return (post.Error, post.Message);
        }, cancellationToken).ConfigureAwait(false);

        if (outcome is { Error: null, Conversation: { } conversation, Message: { } message })
        {
            var delivery = await whatsApp.SendTemplateAsync(conversation.CustomerPhone!, template, cancellationToken).ConfigureAwait(false);
            return await RecordDeliveryAsync(conversation.Id, message.Seq, delivery, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>
    /// A WhatsApp message: stored once (by its wamid), in the customer's open WhatsApp conversation or a new one.
    /// Returns false for a message already stored.
    /// </summary>
    public async Task<bool> ReceiveWhatsAppAsync(string fromE164, string? profileName, NewChatMessage message, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ExternalId is { } wamid && await db.Set<Conversation>().AsNoTracking().AnyAsync(c => c.Messages.Any(m => m.ExternalId == wamid), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var digits = CustomerNumbers.Key(fromE164);
        string open;

        // Two webhooks for one customer at once must not open two conversations: find-or-create under the
        // customer's lock, released before the conversation's own lock is taken (the locks are not re-entrant).
        using (await locks.EnterAsync("whatsapp:" + digits, cancellationToken).ConfigureAwait(false))
        {
            open = await FindOrStartWhatsAppAsync(fromE164, profileName, digits, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await ChangeAsync(open, null, c =>
        {
            var post = c.AddCustomerMessage(message, sentAt.ToOffset(Now.Offset));
            return (post.Error, post.Message);
        }, cancellationToken, afterCustomerMessage: true).ConfigureAwait(false);
        if (outcome.Error is { } error)
        {
            Refused(logger, open, error.Message);
            return false;
        }

        if (!cases.Rules.Calendar.IsOpen(Now) && whatsApp.Enabled)
        {
            await SendAwayNoticeAsync(open, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Outside business hours a WhatsApp customer is told, once a day, when the desk opens and where to write
    /// meanwhile; the customer has just written, so the 24-hour window is open for it.
    /// </summary>
    private async Task SendAwayNoticeAsync(string conversationId, CancellationToken cancellationToken)
    {
        var calendar = cases.Rules.Calendar;
        var now = Now;
        var nextOpen = calendar.NextOpen(now).ToOffset(now.Offset);
        var hours = calendar.Hours;
        var offset = DeskTimeText.Offset(hours.UtcOffset);
        var outcome = await ChangeAsync(conversationId, null, c =>
        {
            var text = c.Language == "en"
                ? $"Thank you for writing to CallMyWay support. We are closed now; our hours are Monday to Friday {hours.Weekdays} and Saturday and Sunday {hours.Weekends} (GMT{offset}). An agent will answer from {DeskDateText.Format(nextOpen, "en")}. You can also write to {options.Value.SupportEmail}."
                : $"Gracias por escribir al soporte de CallMyWay. Ahora estamos cerrados; atendemos de lunes a viernes {hours.Weekdays} y sábados y domingos {hours.Weekends} (GMT{offset}). Un agente te responderá desde el {DeskDateText.Format(nextOpen, "es")}. También puedes escribir a {options.Value.SupportEmail}.";
            var post = c.AddAutomaticReply(text, "away-" + now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), now);
            return (post.Error, post.Duplicate ? null : post.Message);
        }, cancellationToken).ConfigureAwait(false);
        if (outcome is { Error: null, Conversation: { CustomerPhone: { } phone }, Message: { } notice })
        {
            var delivery = await whatsApp.SendTextAsync(phone, notice.Text, cancellationToken).ConfigureAwait(false);
            await RecordDeliveryAsync(conversationId, notice.Seq, delivery, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> FindOrStartWhatsAppAsync(string fromE164, string? profileName, string? digits, CancellationToken cancellationToken)
    {
        var open = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.Channel == CaseChannel.Whatsapp && c.Status != ConversationStatus.Closed && EF.Property<string?>(c, ConversationConfiguration.CustomerDigits) == digits)
            .Select(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (open is null)
        {
            var name = profileName is { Length: > 0 } n ? n[..Math.Min(n.Length, ChatLimits.MaxNameLength)] : null;
            var conversation = Conversation.Start(CaseChannel.Whatsapp, new ConversationCustomer(name, null, fromE164), null, "es", Now);
            db.Add(conversation);
            db.Entry(conversation).Property(ConversationConfiguration.CustomerDigits).CurrentValue = digits;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            open = conversation.Id;
        }

        return open;
    }

    /// <summary>A WhatsApp status webhook: the message we sent was delivered, read, or failed.</summary>
    public async Task UpdateDeliveryAsync(string wamid, MessageDelivery delivery, string? error, CancellationToken cancellationToken)
    {
        var id = await db.Set<Conversation>().AsNoTracking().Where(c => c.Messages.Any(m => m.ExternalId == wamid)).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (id is null)
        {
            return;
        }

        await ChangeAsync(id, null, c =>
        {
            c.MarkDelivery(wamid, delivery, error);
            return (null, c.Messages.First(m => m.ExternalId == wamid));
        }, cancellationToken, rebroadcastMessage: true).ConfigureAwait(false);
    }

    private async Task<ChatOutcome> RecordDeliveryAsync(string conversationId, int seq, WhatsAppDelivery delivery, CancellationToken cancellationToken)
    {
        if (!delivery.Sent)
        {
            Undelivered(logger, conversationId, delivery.Error);
        }

        var outcome = await ChangeAsync(conversationId, null, c =>
        {
            var message = c.Messages.First(m => m.Seq == seq);
            if (delivery.MessageId is { } wamid)
            {
                c.SetExternalId(seq, wamid);
                c.MarkDelivery(wamid, MessageDelivery.Sent, null);
            }
            else
            {
                // Without a wamid the message can only be marked by its seq: a synthetic id keeps it findable.
                var local = $"unsent-{c.Id}-{seq}";
                c.SetExternalId(seq, local);
                c.MarkDelivery(local, MessageDelivery.Failed, delivery.OutsideCustomerServiceWindow ? OutsideWindow().Message : delivery.Error);
            }

            return (null, message);
        }, cancellationToken, rebroadcastMessage: true).ConfigureAwait(false);
        return delivery.Sent || outcome.Error is not null
            ? outcome
            : outcome with { Error = delivery.OutsideCustomerServiceWindow ? OutsideWindow() : new DomainError("whatsapp.failed", $"WhatsApp did not take the message: {delivery.Error}") };
    }
}
