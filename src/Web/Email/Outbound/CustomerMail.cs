using System.Globalization;
using System.Text;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Web.Email.Attachments;
using CallMyWay.Voice.Web.Email.Confirmation;
using CallMyWay.Voice.Web.Email.Reading;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>
/// Composes the mails a case sends its customer, in the case's language, with <c>[Caso #N]</c> in the subject so
/// that replies find their way back. Each mail names its cause, so the outbox sends it once.
/// </summary>
public sealed class CustomerMail(IOptions<EmailOptions> options, ConfirmationLinks links, DeskRules rules)
{
    private readonly EmailOptions _options = options.Value;

    /// <summary>The answer to the message that opened a case: its number and, in one list, what is still missing.</summary>
    public OutgoingMail Acknowledgement(SupportCase supportCase, Recipient to, string answering, MailThread thread, IReadOnlyList<KeptAttachment> refused)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var texts = TextsFor(supportCase);
        var missing = supportCase.MissingInfo;
        var body = Body(
            supportCase,
            to,
            texts.Received(supportCase.Number, CaseTag.For(supportCase.Number, texts.IsEnglish)),
            missing.Count > 0 ? MissingList(texts.MissingIntro, missing, texts) : texts.UnderReview,
            missing.Count > 0 ? texts.MissingOutro : null,
            Refused(refused, texts));
        return Reply(supportCase, to, "ack", answering, thread, body);
    }

    public OutgoingMail StillMissing(SupportCase supportCase, Recipient to, string answering, MailThread thread, IReadOnlyList<KeptAttachment> refused)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var texts = TextsFor(supportCase);
        var body = Body(supportCase, to, MissingList(texts.StillMissing(supportCase.Number), supportCase.MissingInfo, texts), texts.MissingOutro, Refused(refused, texts));
        return Reply(supportCase, to, "missing", answering, thread, body);
    }

    public OutgoingMail ReviewStarted(SupportCase supportCase, Recipient to, string answering, MailThread thread, IReadOnlyList<KeptAttachment> refused)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var texts = TextsFor(supportCase);
        var body = Body(supportCase, to, texts.ReviewStarted(supportCase.Number), Refused(refused, texts));
        return Reply(supportCase, to, "review", answering, thread, body);
    }

    public OutgoingMail AttachmentsRefused(SupportCase supportCase, Recipient to, string answering, MailThread thread, IReadOnlyList<KeptAttachment> refused)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var texts = TextsFor(supportCase);
        return Reply(supportCase, to, "refused", answering, thread, Body(supportCase, to, Refused(refused, texts)));
    }

    /// <summary>The case closed on the customer's word; <paramref name="answering"/> is their message, or the link's cause.</summary>
    public OutgoingMail Closed(SupportCase supportCase, Recipient to, string answering, MailThread thread)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var texts = TextsFor(supportCase);
        return Reply(supportCase, to, "closed", answering, thread, Body(supportCase, to, texts.Closed(supportCase.Number)));
    }

    public OutgoingMail Reopened(SupportCase supportCase, Recipient to, string answering, MailThread thread)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var texts = TextsFor(supportCase);
        return Reply(supportCase, to, "reopened", answering, thread, Body(supportCase, to, texts.Reopened(supportCase.Number)));
    }

    /// <summary>A public history entry an agent wrote: a note, a request for information, or the resolution.</summary>
    public OutgoingMail? AgentEntry(SupportCase supportCase, CaseHistoryEntry entry, Recipient to, MailThread thread)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(entry);
        var texts = TextsFor(supportCase);
        var number = supportCase.Number;
        string body;
        switch (entry.Action)
        {
            case "note":
                body = Body(supportCase, to, texts.Update(number), entry.Detail);
                break;
            case "infoRequested" when entry.Detail.StartsWith("missing:", StringComparison.Ordinal):
                // The checklist's own request (a case opened by an agent for an e-mail customer): list the fields.
                body = Body(supportCase, to, MissingList(texts.MissingIntro, supportCase.MissingInfo, texts), texts.MissingOutro);
                break;
            case "infoRequested":
                body = Body(supportCase, to, texts.InformationRequested(number), entry.Detail, texts.ReplyWithInformation);
                break;
            case "resolved":
                body = Body(
                    supportCase,
                    to,
                    texts.Resolved(number),
                    entry.Detail,
                    texts.AskConfirmation,
                    texts.Links(links.LinkFor(number, ConfirmAction.Close), links.LinkFor(number, ConfirmAction.Reopen)));
                break;
            default:
                return null;
        }

        var cause = string.Create(CultureInfo.InvariantCulture, $"case:{number}:{entry.Action}:{entry.At.UtcTicks}:{EmailOutbox.KeyOf(entry.Detail)}");
        return new OutgoingMail(cause, number, to.Address, to.Name, Subject(supportCase, texts), body, thread, AutoReply: false);
    }

    public string Subject(SupportCase supportCase, MailTexts texts)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(texts);
        return $"{CaseTag.For(supportCase.Number, texts.IsEnglish)} {CaseTag.Clean(supportCase.Subject) ?? texts.DefaultSubject}";
    }

    public static MailTexts TextsFor(SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        return MailTexts.For(LanguageGuess.IsEnglish(supportCase.Language));
    }

    private OutgoingMail Reply(SupportCase supportCase, Recipient to, string what, string answering, MailThread thread, string body) =>
        new($"reply:{answering}:{what}", supportCase.Number, to.Address, to.Name, Subject(supportCase, TextsFor(supportCase)), body, thread, AutoReply: true);

    private string Body(SupportCase supportCase, Recipient to, params string?[] paragraphs) =>
        TextsFor(supportCase).Body(to.Name ?? supportCase.CallerName, _options.Address, paragraphs);

    private string MissingList(string intro, IReadOnlyList<string> missing, MailTexts texts)
    {
        var zone = Zone(rules.Calendar.Hours.UtcOffset);
        var list = new StringBuilder(intro).Append("\n\n");
        foreach (var field in missing)
        {
            list.Append(FieldLabels.For(field, texts.IsEnglish, zone)).Append(": \n");
        }

        return list.ToString();
    }

    private string? Refused(IReadOnlyList<KeptAttachment> attachments, MailTexts texts)
    {
        var refused = attachments.Where(a => !a.IsKept).ToList();
        if (refused.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder(texts.AttachmentsRefused(AttachmentStore.Size(_options.MaxAttachmentBytes), AttachmentStore.Size(_options.MaxAttachmentBytesPerMessage)));
        foreach (var attachment in refused)
        {
            text.Append("\n- ").Append(AttachmentStore.Describe(attachment));
        }

        return text.ToString();
    }

    /// <summary>"GMT-6" for the desk's fixed offset, as the seed writes it.</summary>
    private static string Zone(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"GMT{sign}{abs.Hours}")
            : string.Create(CultureInfo.InvariantCulture, $"GMT{sign}{abs.Hours}:{abs.Minutes:00}");
    }
}
