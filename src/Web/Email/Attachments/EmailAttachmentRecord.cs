namespace CallMyWay.Voice.Web.Email.Attachments;

/// <summary>A file received with a case's mail: kept on disk under <c>Email:AttachmentFolder</c>, or refused for its size.</summary>
public sealed class EmailAttachmentRecord
{
    private EmailAttachmentRecord()
    {
    }

    public EmailAttachmentRecord(long caseNumber, string messageId, KeptAttachment attachment, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        CaseNumber = caseNumber;
        MessageId = messageId;
        FileName = attachment.FileName;
        ContentType = attachment.ContentType;
        Size = attachment.Size;
        StoredPath = attachment.StoredPath;
        Refusal = attachment.Refusal;
        ReceivedAt = receivedAt;
    }

    public long Id { get; private set; }
    public long CaseNumber { get; private set; }
    public string MessageId { get; private set; } = string.Empty;
    public string FileName { get; private set; } = string.Empty;
    public string ContentType { get; private set; } = string.Empty;
    public long Size { get; private set; }

    /// <summary>Relative to the attachment folder; null when the file was refused.</summary>
    public string? StoredPath { get; private set; }

    public string? Refusal { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
}
