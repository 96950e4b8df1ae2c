using System.Text;
using CallMyWay.Voice.Web.Email.Reading;
using CallMyWay.Voice.Web.Email.Threading;
using MimeKit;

namespace CallMyWay.Voice.Web.Email.Inbound;

/// <summary>
/// Turns received bytes into an <see cref="InboundEmail"/> with MimeKit. A message whose MIME cannot be read is not
/// dropped: its raw text becomes the body, so the case still carries what the customer sent.
/// </summary>
public static class InboundEmailReader
{
    /// <summary>Longest text kept as a case description or note; the rest of a very long message stays in the mailbox.</summary>
    public const int MaxTextLength = 16_000;

    public static InboundEmail Read(byte[] raw, string? envelopeSender)
    {
        ArgumentNullException.ThrowIfNull(raw);
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (FormatException)
        {
            return Raw(raw, envelopeSender);
        }

        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender ?? (string.IsNullOrEmpty(envelopeSender) ? null : MailboxOrNull(envelopeSender));
        var text = BodyText(message) ?? (message.BodyParts.Any() ? string.Empty : RawBody(raw));
        return new InboundEmail
        {
            MessageId = MessageIds.Normalize(message.MessageId) ?? MessageIds.FromContent(raw),
            FromAddress = from?.Address?.Trim().ToLowerInvariant() is { Length: > 0 } address ? address : null,
            FromName = string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name.Trim(),
            Subject = message.Subject?.Trim(),
            Text = Limit(text),
            InReplyTo = MessageIds.Normalize(message.InReplyTo),
            References = message.References.Select(MessageIds.Normalize).OfType<string>().ToList(),
            Attachments = AttachmentsOf(message),
            Headers = message.Headers,
            EnvelopeSender = envelopeSender,
            ContentType = message.Body?.ContentType.MimeType,
        };
    }

    /// <summary>The plain text part, else the HTML part as text; null when neither holds anything.</summary>
    private static string? BodyText(MimeMessage message)
    {
        var plain = message.TextBody;
        if (!string.IsNullOrWhiteSpace(plain))
        {
            return Normalize(plain);
        }

        var html = message.HtmlBody;
        if (!string.IsNullOrWhiteSpace(html))
        {
            return HtmlText.Convert(html);
        }

        // A multipart whose boundary never appears leaves its whole content in the preamble.
        if (message.Body is Multipart { Count: 0, Preamble: { Length: > 0 } preamble } && !string.IsNullOrWhiteSpace(preamble))
        {
            return Normalize(preamble);
        }

        return null;
    }

    private static List<IncomingAttachment> AttachmentsOf(MimeMessage message)
    {
        var attachments = new List<IncomingAttachment>();
        foreach (var entity in message.BodyParts)
        {
            if (entity is TextPart text && !text.IsAttachment && (text.IsPlain || text.IsHtml))
            {
                continue;
            }

            // Pictures embedded in the HTML (signature logos) are part of the body, not files the customer sent.
            if (entity.ContentDisposition?.Disposition == ContentDisposition.Inline && !string.IsNullOrEmpty(entity.ContentId) && entity is not MessagePart)
            {
                continue;
            }

            var name = entity switch
            {
                MimePart part => part.FileName,
                MessagePart attached => (attached.Message?.Subject ?? "message") + ".eml",
                _ => null,
            };
            var length = entity is MimePart { Content.Stream: { CanSeek: true } stream } sized ? Decoded(sized.ContentTransferEncoding, stream.Length) : 0;
            attachments.Add(new IncomingAttachment(name ?? $"attachment-{attachments.Count + 1}", entity.ContentType.MimeType, entity, length));
        }

        return attachments;
    }

    /// <summary>Base64 lines of 76 characters and CRLF carry 57 bytes each; other encodings are about as long as the file.</summary>
    private static long Decoded(ContentEncoding encoding, long encoded) => encoding == ContentEncoding.Base64 ? encoded * 57 / 78 : encoded;

    private static InboundEmail Raw(byte[] raw, string? envelopeSender)
    {
        var sender = string.IsNullOrEmpty(envelopeSender) ? null : MailboxOrNull(envelopeSender);
        return new InboundEmail
        {
            MessageId = MessageIds.FromContent(raw),
            FromAddress = sender?.Address.ToLowerInvariant(),
            Text = Limit(Decode(raw)),
            EnvelopeSender = envelopeSender,
            IsRaw = true,
        };
    }

    /// <summary>The text after the header block of a message whose body MimeKit found empty.</summary>
    private static string RawBody(byte[] raw)
    {
        var text = Decode(raw);
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? string.Empty : text[(end + 2)..].Trim();
    }

    private static string Decode(byte[] raw)
    {
        try
        {
            return Normalize(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(raw));
        }
        catch (DecoderFallbackException)
        {
            return Normalize(Encoding.Latin1.GetString(raw));
        }
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            // Control characters (NUL and friends from a broken message) have no place in a case.
            if (c == '\n' || c == '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    private static string Limit(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "\n[…]";

    private static MailboxAddress? MailboxOrNull(string address) =>
        MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal) ? mailbox : null;
}
