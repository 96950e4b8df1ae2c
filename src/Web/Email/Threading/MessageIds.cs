using System.Security.Cryptography;
using System.Text;

namespace CallMyWay.Voice.Web.Email.Threading;

/// <summary>Message-IDs as the channel stores and compares them (RFC 5322 §3.6.4): without brackets, bounded in length.</summary>
public static class MessageIds
{
    private const int MaxStored = 400;

    /// <summary>The id to store, or null for a blank one. Ids too long for an index are kept as their hash.</summary>
    public static string? Normalize(string? messageId)
    {
        if (string.IsNullOrWhiteSpace(messageId))
        {
            return null;
        }

        var id = messageId.Trim().TrimStart('<').TrimEnd('>').Trim();
        if (id.Length == 0)
        {
            return null;
        }

        return id.Length <= MaxStored ? id : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }

    /// <summary>An id for a message that has none, derived from its bytes so that a second delivery is still a duplicate.</summary>
    public static string FromContent(ReadOnlySpan<byte> raw) => "content-" + Convert.ToHexStringLower(SHA256.HashData(raw)) + "@callmyway.invalid";
}
