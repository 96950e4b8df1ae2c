using MimeKit;

namespace CallMyWay.Voice.Web.Email.Inbound;

/// <summary>A received message as the intake needs it: who, what about, the readable text, threading ids and files.</summary>
public sealed record InboundEmail
{
    /// <summary>Normalized; a hash of the content when the message had none.</summary>
    public required string MessageId { get; init; }

    /// <summary>The author's address (From, else Sender, else the envelope's MAIL FROM), lower case; null when none is known.</summary>
    public string? FromAddress { get; init; }

    public string? FromName { get; init; }
    public string? Subject { get; init; }

    /// <summary>The body as readable text (HTML converted), or the raw message when MIME could not be read.</summary>
    public string Text { get; init; } = string.Empty;

    public string? InReplyTo { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<IncomingAttachment> Attachments { get; init; } = [];

    /// <summary>The header block; empty when the message was kept as raw text.</summary>
    public HeaderList Headers { get; init; } = [];

    /// <summary>The SMTP envelope's MAIL FROM: empty for the null reverse-path of bounces, null when unknown (IMAP).</summary>
    public string? EnvelopeSender { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The MIME structure could not be read; <see cref="Text"/> holds the raw message.</summary>
    public bool IsRaw { get; init; }
}
