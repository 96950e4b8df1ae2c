using System.Security.Cryptography;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>Fresh branch, tag and Call-ID values, drawn from a cryptographic random source so that they
/// are unique and unguessable (RFC 3261 §8.1.1.4, §8.1.1.7, §19.3).</summary>
public static class SipIdentifiers
{
    /// <summary>The prefix of every RFC 3261 branch (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>A branch: the magic cookie and 16 random characters (95 bits).</summary>
    public static string NewBranch() => MagicCookie + RandomNumberGenerator.GetString(Alphabet, 16);

    /// <summary>A tag: 10 random characters (59 bits), a token.</summary>
    public static string NewTag() => RandomNumberGenerator.GetString(Alphabet, 10);

    /// <summary>A Call-ID: 20 random characters (119 bits).</summary>
    public static string NewCallId() => RandomNumberGenerator.GetString(Alphabet, 20);

    /// <summary>A Call-ID of the form <c>random@host</c>.</summary>
    public static string NewCallId(string host)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var callId = $"{NewCallId()}@{host}";
        return SipMessage.IsValidCallId(callId) ? callId : throw new ArgumentException($"'{host}' cannot stand in a Call-ID.", nameof(host));
    }
}
