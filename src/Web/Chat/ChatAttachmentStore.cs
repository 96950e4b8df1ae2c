using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>
/// Files visitors send in the chat, one folder per conversation. The type is judged by the file's first bytes,
/// never by its name or the browser's word, and only images, PDF and plain text are kept.
/// </summary>
public sealed class ChatAttachmentStore(IOptions<ChatOptions> options)
{
    private readonly ChatOptions _options = options.Value;

    public string Folder => Path.GetFullPath(_options.AttachmentFolder);

    public long MaxBytes => _options.MaxAttachmentBytes;

    /// <summary>Keeps the file, or says why not: <c>413</c> too big, <c>415</c> a type the desk does not take.</summary>
    public async Task<(ChatFile? File, int? Refusal)> KeepAsync(string conversationId, string? fileName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var folder = Path.Combine(Folder, conversationId);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, id);
        long size;
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            // Copy with a cap: a client that lies about its length is stopped at the limit, not after filling the disk.
            var buffer = new byte[81920];
            size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                size += read;
                if (size > _options.MaxAttachmentBytes)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            if (size <= _options.MaxAttachmentBytes)
            {
                file.Position = 0;
                var head = new byte[512];
                var got = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (TypeOf(head.AsSpan(0, got)) is { } type && size > 0)
                {
                    return (new ChatFile(id, SafeName(fileName, type), type, size), null);
                }
            }
        }

        File.Delete(path);
        return (null, size > _options.MaxAttachmentBytes ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status415UnsupportedMediaType);
    }

    public string? PathOf(string conversationId, string attachmentId)
    {
        if (attachmentId.Length != 24 || !attachmentId.All(char.IsAsciiHexDigitLower) || conversationId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var path = Path.Combine(Folder, conversationId, attachmentId);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The content type from the file's magic bytes; null for anything not accepted.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        // Plain text: printable UTF-8, no NULs or other control bytes but tab and line breaks.
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r')
            {
                return null;
            }
        }

        return head.Length > 0 && IsUtf8(head) ? "text/plain" : null;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> head)
    {
        // The sample may cut a multi-byte character at its end: judge all but the last three bytes strictly.
        var strict = head.Length > 3 ? head[..^3] : head;
        return System.Text.Unicode.Utf8.IsValid(strict);
    }

    private static string SafeName(string? fileName, string type)
    {
        var name = Path.GetFileName(fileName ?? string.Empty);
        var clean = new string([.. name.Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ')]).Trim();
        if (clean.Length == 0)
        {
            clean = "file";
        }

        if (clean.Length > 100)
        {
            clean = clean[^100..];
        }

        var extension = type switch
        {
            "image/png" => ".png",
            "image/jpeg" => ".jpg",
            "image/gif" => ".gif",
            "application/pdf" => ".pdf",
            _ => ".txt",
        };
        return clean.EndsWith(extension, StringComparison.OrdinalIgnoreCase) || (extension == ".jpg" && clean.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)) ? clean : clean + extension;
    }
}
