using System.Security.Cryptography;
using System.Text;

namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>
/// Meta's webhook payload signature: <c>X-Hub-Signature-256: sha256=</c> followed by the lowercase hex HMAC-SHA256 of the
/// raw request body keyed with the App Secret (Graph API Webhooks, "Validate Payloads").
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    public const string Prefix = "sha256=";

    private const int HashBytes = 32;

    public static WebhookSignatureCheck Check(string? header, ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        return Check(header, body, Encoding.UTF8.GetBytes(appSecret));
    }

    /// <summary>Checks the header against the raw body bytes exactly as received; re-serialised JSON would not match.</summary>
    public static WebhookSignatureCheck Check(string? header, ReadOnlySpan<byte> body, ReadOnlySpan<byte> appSecret)
    {
        if (string.IsNullOrEmpty(header))
        {
            return WebhookSignatureCheck.Missing;
        }

        Span<byte> claimed = stackalloc byte[HashBytes];
        if (!header.StartsWith(Prefix, StringComparison.Ordinal) || !TryParseLowerHex(header.AsSpan(Prefix.Length), claimed))
        {
            return WebhookSignatureCheck.Malformed;
        }

        // An empty key is an HMAC anyone can compute: never let it vouch for a body (the options validator requires the secret).
        if (appSecret.IsEmpty)
        {
            return WebhookSignatureCheck.Mismatch;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        HMACSHA256.HashData(appSecret, body, expected);
        return CryptographicOperations.FixedTimeEquals(claimed, expected) ? WebhookSignatureCheck.Valid : WebhookSignatureCheck.Mismatch;
    }

    /// <summary>The header value Meta would send for this body; used by tests and by tools that replay webhooks.</summary>
    public static string Compute(ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        Span<byte> hash = stackalloc byte[HashBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }

    // Meta sends lowercase hex digits; anything else did not come from Meta as-is.
    private static bool TryParseLowerHex(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var high = LowerHexValue(hex[2 * i]);
            var low = LowerHexValue(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int LowerHexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
