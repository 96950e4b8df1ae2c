using CallMyWay.Voice.Domain.Numbers;
using PhoneNumbers;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>
/// Decides whether a number typed on the website may be called back: it must parse and be valid (libphonenumber), be
/// of a country the desk has a number in, and be a fixed line or a mobile.
/// </summary>
/// <remarks>
/// Types are allowed by list, not refused by list, because callback fraud lives in the types a carrier bills us for
/// (premium rate, shared cost, UAN, personal numbers, pagers) or cannot place geographically. VoIP numbers are refused
/// unless <see cref="Click2CallOptions.AllowVoip"/>: they cost the same as a fixed line, but anyone can rent thousands
/// of them to bomb the desk with callbacks, and a real customer nearly always has a mobile. Toll-free and voicemail
/// numbers are refused too: a visitor's own phone is never one.
/// </remarks>
public sealed class DestinationPolicy
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly Dictionary<string, DeskNumber> _didByCountry = new(StringComparer.Ordinal);
    private readonly List<string> _regions = [];
    private readonly bool _allowVoip;

    public DestinationPolicy(NumberPlan plan, Click2CallOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        _allowVoip = options.AllowVoip;

        // A country with several DIDs (Costa Rica's toll-free and local) calls back from the first one that is not
        // toll-free: a toll-free number cannot be presented as a caller ID by most carriers.
        foreach (var did in plan.Numbers.OrderBy(n => n.TollFree))
        {
            if (_didByCountry.TryAdd(did.Country, did))
            {
                _regions.Add(did.Country);
            }
        }

        _regions.Sort((a, b) => IndexOf(plan, a).CompareTo(IndexOf(plan, b)));
    }

    /// <summary>The countries served, in the order of the numbers file: the default regions tried for a number without <c>+</c>.</summary>
    public IReadOnlyList<string> Countries => _regions;

    public DestinationCheck Check(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Length > 32)
        {
            return Refused(Click2CallDecision.InvalidNumber, "Type a phone number with its country code, e.g. +52 55 1234 5678.");
        }

        var text = phone.Trim();
        var number = text.StartsWith('+') || text.StartsWith("00", StringComparison.Ordinal) ? ParseInternational(text) : ParseNational(text);
        if (number is null || !Util.IsValidNumber(number))
        {
            return Refused(Click2CallDecision.InvalidNumber, "This is not a valid phone number; type it with its country code, e.g. +52 55 1234 5678.");
        }

        var country = Util.GetRegionCodeForNumber(number);
        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        var type = Util.GetNumberType(number);
        if (!IsCallable(type))
        {
            return new DestinationCheck(Click2CallDecision.TypeRefused, e164, country, null, $"We do not call {Describe(type)} numbers; give a landline or a mobile.");
        }

        if (country is null || !_didByCountry.TryGetValue(country, out var did))
        {
            return new DestinationCheck(Click2CallDecision.CountryNotServed, e164, country, null, $"We do not call numbers in {country ?? "that country"}; we serve {string.Join(", ", _regions)}.");
        }

        return new DestinationCheck(Click2CallDecision.Accepted, e164, country, did, null);
    }

    private static PhoneNumber? ParseInternational(string text)
    {
        try
        {
            // "ZZ" is libphonenumber's unknown region: only an international form parses.
            return Util.Parse(text.StartsWith("00", StringComparison.Ordinal) ? "+" + text[2..] : text, "ZZ");
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    // Without a country code, the number is read as national in each served country in turn; the first country where it
    // is valid wins (a 10-digit number valid both in Mexico and in the United States is taken as the first listed).
    private PhoneNumber? ParseNational(string text)
    {
        PhoneNumber? parsedSomewhere = null;
        foreach (var region in _regions)
        {
            try
            {
                var number = Util.Parse(text, region);
                if (Util.IsValidNumberForRegion(number, region))
                {
                    return number;
                }

                parsedSomewhere ??= number;
            }
            catch (NumberParseException)
            {
                // Not a number in this region's plan; try the next.
            }
        }

        return parsedSomewhere;
    }

    private bool IsCallable(PhoneNumberType type) => type switch
    {
        PhoneNumberType.FIXED_LINE or PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE => true,
        PhoneNumberType.VOIP => _allowVoip,
        _ => false,
    };

    private static string Describe(PhoneNumberType type) => type switch
    {
        PhoneNumberType.PREMIUM_RATE => "premium-rate",
        PhoneNumberType.SHARED_COST => "shared-cost",
        PhoneNumberType.TOLL_FREE => "toll-free",
        PhoneNumberType.VOIP => "VoIP",
        PhoneNumberType.PERSONAL_NUMBER => "personal (forwarding)",
        PhoneNumberType.PAGER => "pager",
        PhoneNumberType.UAN => "universal access (UAN)",
        PhoneNumberType.VOICEMAIL => "voicemail",
        _ => "unclassified",
    };

    private static int IndexOf(NumberPlan plan, string country)
    {
        for (var i = 0; i < plan.Numbers.Count; i++)
        {
            if (plan.Numbers[i].Country == country)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static DestinationCheck Refused(Click2CallDecision decision, string reason) => new(decision, null, null, null, reason);
}
