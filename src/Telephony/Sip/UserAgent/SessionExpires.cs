using System.Globalization;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent;

/// <summary>The Session-Expires header of RFC 4028 §4: the session interval and who refreshes it.</summary>
public readonly record struct SessionExpires(int Seconds, string? Refresher)
{
    /// <summary>The smallest interval accepted (RFC 4028 §4: Min-SE is at least 90 seconds).</summary>
    public const int MinimumSeconds = 90;

    public static bool TryParse(string? text, out SessionExpires value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split(';', StringSplitOptions.TrimEntries);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            return false;
        }

        string? refresher = null;
        foreach (var part in parts.AsSpan(1))
        {
            if (part.StartsWith("refresher=", StringComparison.OrdinalIgnoreCase))
            {
                refresher = part["refresher=".Length..].ToLowerInvariant();
            }
        }

        value = new SessionExpires(seconds, refresher is "uac" or "uas" ? refresher : null);
        return true;
    }

    /// <summary>
    /// When the side that does not refresh gives up on a session with no refresh: before it expires, by a third of
    /// the interval or 32 seconds, whichever is less (RFC 4028 §10).
    /// </summary>
    public TimeSpan GiveUpAfter => TimeSpan.FromSeconds(Seconds - Math.Min(32, Seconds / 3));

    public override string ToString() => Seconds.ToString(CultureInfo.InvariantCulture) + (Refresher is null ? string.Empty : ";refresher=" + Refresher);
}
