using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Conversations;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Desk;
using CallMyWay.Voice.Web.Email.Outbound;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>
/// When a web chat ends, a visitor who gave an e-mail gets its transcript through the e-mail outbox (once per
/// conversation, delivered when the relay is up). With a linked case the subject carries <c>[Caso #N]</c>, so a
/// reply to the mail joins the case like any e-mail about it.
/// </summary>
public sealed class ChatTranscriptMail(EmailOutbox outbox, OutboxSignal signal, DeskRules rules)
{
    public async Task QueueAsync(DeskDbContext db, Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.Channel != CaseChannel.Webchat || conversation.CustomerEmail is not { } address || conversation.Messages.Count == 0)
        {
            return;
        }

        var english = conversation.Language == "en";
        var transcript = ConversationTranscript.Render(conversation, DeskTimeText.Zone(rules.Calendar.Hours.UtcOffset));
        var subject = (english ? "Your chat with CallMyWay support" : "Tu chat con el soporte de CallMyWay")
            + (conversation.CaseNumber is { } number ? $" [Caso #{number}]" : string.Empty);
        var greeting = english
            ? $"Hello {conversation.CustomerName},\n\nthank you for writing to us. This is the conversation you had with our desk (times in GMT{DeskTimeText.Offset(rules.Calendar.Hours.UtcOffset)}):\n\n"
            : $"Hola {conversation.CustomerName}:\n\ngracias por escribirnos. Esta es la conversación que tuviste con nuestro equipo (horas en GMT{DeskTimeText.Offset(rules.Calendar.Hours.UtcOffset)}):\n\n";
        var closing = english
            ? "\nIf something is still pending, just answer this e-mail.\n\nCallMyWay support"
            : "\nSi algo quedó pendiente, responde a este correo.\n\nSoporte CallMyWay";
        var mail = new OutgoingMail($"chat:{conversation.Id}:transcript", conversation.CaseNumber, address, conversation.CustomerName, subject, greeting + transcript + closing, MailThread.None, AutoReply: true);
        if (await outbox.EnqueueAsync(db, mail, cancellationToken).ConfigureAwait(false) is not null)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            signal.Notify();
        }
    }
}
