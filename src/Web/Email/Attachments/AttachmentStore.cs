using System.Globalization;
using System.Text;
using CallMyWay.Voice.Web.Email.Inbound;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CallMyWay.Voice.Web.Email.Attachments;

/// <summary>
/// Keeps a message's attachments on disk, one folder per case under <c>Email:AttachmentFolder</c>, within the
/// per-file and per-message limits; what is over a limit is refused and reported, never half kept.
/// </summary>
public sealed class AttachmentStore(IOptions<EmailOptions> options, TimeProvider time)
{
    private readonly EmailOptions _options = options.Value;

    public string Folder => Path.GetFullPath(_options.AttachmentFolder);

    public async Task<IReadOnlyList<KeptAttachment>> KeepAsync(long caseNumber, IReadOnlyList<IncomingAttachment> attachments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var results = new List<KeptAttachment>(attachments.Count);
        if (attachments.Count == 0)
        {
            return results;
        }

        var caseFolder = Path.Combine(Folder, caseNumber.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(caseFolder);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        long total = 0;
        for (var i = 0; i < attachments.Count; i++)
        {
            var attachment = attachments[i];
            var name = SafeName(attachment.FileName, i);

            // A part clearly over the limit need not be decoded to know; the margin covers the estimate's error.
            if (attachment.EstimatedLength > _options.MaxAttachmentBytes + 1024)
            {
                results.Add(new KeptAttachment(name, attachment.ContentType, attachment.EstimatedLength, null, PerFile()));
                continue;
            }

            var relative = Path.Combine(caseNumber.ToString(CultureInfo.InvariantCulture), $"{stamp}-{i + 1}-{name}");
            var path = Path.Combine(Folder, relative);
            long size;
            var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await WriteAsync(attachment.Entity, file, cancellationToken).ConfigureAwait(false);
                size = file.Length;
            }

            string? refusal = null;
            if (size > _options.MaxAttachmentBytes)
            {
                refusal = PerFile();
            }
            else if (total + size > _options.MaxAttachmentBytesPerMessage)
            {
                refusal = string.Create(CultureInfo.InvariantCulture, $"over {Size(_options.MaxAttachmentBytesPerMessage)} per message");
            }

            if (refusal is not null)
            {
                File.Delete(path);
                results.Add(new KeptAttachment(name, attachment.ContentType, size, null, refusal));
                continue;
            }

            total += size;
            results.Add(new KeptAttachment(name, attachment.ContentType, size, relative.Replace('\\', '/'), null));
        }

        return results;
    }

    /// <summary>"a.pdf (12.0 KB)", as histories and mails list files.</summary>
    public static string Describe(KeptAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return $"{attachment.FileName} ({Size(attachment.Size)})";
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    private string PerFile() => $"over {Size(_options.MaxAttachmentBytes)} per file";

    private static async Task WriteAsync(MimeEntity entity, Stream target, CancellationToken cancellationToken)
    {
        switch (entity)
        {
            case MimePart { Content: not null } part:
                await part.Content.DecodeToAsync(target, cancellationToken).ConfigureAwait(false);
                break;
            case MessagePart { Message: not null } attached:
                await attached.Message.WriteToAsync(target, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await entity.WriteToAsync(target, contentOnly: true, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>A file name that cannot climb out of the case folder or upset any file system.</summary>
    private static string SafeName(string name, int index)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var safe = new StringBuilder(file.Length);
        foreach (var c in file)
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_');
        }

        var result = safe.ToString().Trim().TrimStart('.');
        if (result.Length > 100)
        {
            var extension = Path.GetExtension(result);
            result = result[..(100 - Math.Min(extension.Length, 20))] + (extension.Length <= 20 ? extension : string.Empty);
        }

        return result.Length == 0 ? $"attachment-{index + 1}.bin" : result;
    }
}
