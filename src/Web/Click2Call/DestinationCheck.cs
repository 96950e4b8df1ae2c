using CallMyWay.Voice.Domain.Numbers;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>What <see cref="DestinationPolicy"/> made of a number typed on the website: a number to dial, or why not.</summary>
/// <param name="Decision"><see cref="Click2CallDecision.Accepted"/>, <see cref="Click2CallDecision.InvalidNumber"/>, <see cref="Click2CallDecision.TypeRefused"/> or <see cref="Click2CallDecision.CountryNotServed"/>.</param>
/// <param name="E164">The number in E.164 (with <c>+</c>) once it parsed.</param>
/// <param name="Country">Its ISO country code once it parsed.</param>
/// <param name="Did">The desk's number of that country: the From of the callback.</param>
/// <param name="Reason">Why it was refused, in words a visitor understands.</param>
public sealed record DestinationCheck(Click2CallDecision Decision, string? E164, string? Country, DeskNumber? Did, string? Reason)
{
    public bool IsAccepted => Decision == Click2CallDecision.Accepted;
}
