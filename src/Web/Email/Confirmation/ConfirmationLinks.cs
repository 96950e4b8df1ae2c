using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CallMyWay.Voice.Domain.Common;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Email.Confirmation;

/// <summary>
/// Signed links for closing or reopening a resolved case from the mail: HMAC-SHA256 over the case number and the
/// action, so a link works for its case and action only and nobody can make one without the key.
/// </summary>
public sealed class ConfirmationLinks(LinkSecret secret, IOptions<EmailOptions> options)
{
    public const string Path = "/api/email/confirm";

    public string Sign(long caseNumber, ConfirmAction action)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret.Key, Payload(caseNumber, action), mac);
        return Base64Url.EncodeToString(mac);
    }

    public bool Verify(long caseNumber, ConfirmAction action, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 64)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[48];
        if (!Base64Url.IsValid(signature) || !Base64Url.TryDecodeFromChars(signature, given, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret.Key, Payload(caseNumber, action), expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }

    public Uri LinkFor(long caseNumber, ConfirmAction action)
    {
        var baseUrl = options.Value.LinkBaseUrl.TrimEnd('/');
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{baseUrl}{Path}?case={caseNumber}&action={ContractName.Of(action)}&sig={Sign(caseNumber, action)}"));
    }

    private static byte[] Payload(long caseNumber, ConfirmAction action) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"callmyway-email-confirm:{caseNumber}:{ContractName.Of(action)}"));
}
