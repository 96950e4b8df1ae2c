using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Email.Confirmation;

/// <summary>
/// The key that signs confirmation links: <c>Email:LinkSecret</c> when configured, else a random key created on first
/// use in <c>Email:LinkSecretFile</c> (under data/, never in the repository), readable by the service's user only.
/// </summary>
public sealed class LinkSecret(IOptions<EmailOptions> options)
{
    private readonly Lazy<byte[]> _key = new(() => Load(options.Value));

    public ReadOnlySpan<byte> Key => _key.Value;

    private static byte[] Load(EmailOptions options)
    {
        if (!string.IsNullOrEmpty(options.LinkSecret))
        {
            return Encoding.UTF8.GetBytes(options.LinkSecret);
        }

        var path = Path.GetFullPath(options.LinkSecretFile);
        if (File.Exists(path))
        {
            return Read(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: everyone must sign with the same key.
            return Read(path);
        }

        return key;
    }

    private static byte[] Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        try
        {
            var key = Convert.FromBase64String(text);
            if (key.Length >= 16)
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidOperationException($"Email:LinkSecretFile {path} does not hold a base64 key of at least 16 bytes; delete it to have a new one made.");
    }
}
