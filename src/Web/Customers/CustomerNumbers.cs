using CallMyWay.Voice.Domain.Numbers;
using PhoneNumbers;

namespace CallMyWay.Voice.Web.Customers;

/// <summary>
/// One customer, one thread: every channel's phone numbers go to E.164 with libphonenumber before they are kept or
/// looked up, so "+52 55 1234 5678" on a call, "5512345678" typed in a chat from Mexico and WhatsApp's
/// "525512345678" are the same customer.
/// </summary>
public static class CustomerNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The number in E.164 (with <c>+</c>), or null when it is not a possible phone number. A number without
    /// <c>+</c> or <c>00</c> is read in <paramref name="region"/> (ISO country, e.g. the DID's country), else as
    /// already international (WhatsApp's <c>wa_id</c> has no plus).
    /// </summary>
    public static string? ToE164(string? text, string? region = null)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            trimmed = "+" + trimmed[2..];
        }

        if (!trimmed.StartsWith('+') && region is not null && Parse(trimmed, region.ToUpperInvariant()) is { } national)
        {
            return national;
        }

        var international = trimmed.StartsWith('+') ? trimmed : "+" + trimmed;
        return Parse(international, "ZZ") ?? Parse(WithoutMexicanMobileOne(international), "ZZ");
    }

    /// <summary>
    /// WhatsApp still names Mexican mobiles the pre-2019 way, +52 1 then ten digits; Mexico dropped the 1, and the
    /// same customer calls from +52 and ten digits.
    /// </summary>
    private static string WithoutMexicanMobileOne(string international)
    {
        var digits = NumberPlan.DigitsOf(international);
        return digits.Length == 13 && digits.StartsWith("521", StringComparison.Ordinal) ? "+52" + digits[3..] : international;
    }

    /// <summary>
    /// The key threads are matched on: the digits of the E.164 form when the number parses, else the digits as typed
    /// (an extension or a withheld-looking caller still finds its own earlier cases).
    /// </summary>
    public static string? Key(string? text, string? region = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = NumberPlan.DigitsOf(ToE164(text, region) ?? text);
        return digits.Length == 0 ? null : digits;
    }

    private static string? Parse(string text, string region)
    {
        try
        {
            var number = Util.Parse(text, region);
            return Util.IsPossibleNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
