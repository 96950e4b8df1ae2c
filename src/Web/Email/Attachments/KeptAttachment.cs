namespace CallMyWay.Voice.Web.Email.Attachments;

/// <summary>What became of one attachment: stored (with its path under the attachment folder) or refused, and why.</summary>
public sealed record KeptAttachment(string FileName, string ContentType, long Size, string? StoredPath, string? Refusal)
{
    public bool IsKept => StoredPath is not null;
}
