namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>One request to <c>/api/click2call</c> and what was decided: the evidence when a number complains of being bombed.</summary>
/// <param name="At">When the request arrived.</param>
/// <param name="ClientIp">The client's address as the server saw it.</param>
/// <param name="Phone">The number as typed (cut to 64 characters).</param>
/// <param name="Number">The number in E.164, once it parsed.</param>
/// <param name="Country">Its country, once it parsed.</param>
/// <param name="Decision">What the desk did.</param>
/// <param name="Reason">Why, for a refusal.</param>
/// <param name="CallbackId">The callback created, coalesced into or cancelled.</param>
public sealed record Click2CallAudit(DateTimeOffset At, string ClientIp, string Phone, string? Number, string? Country, Click2CallDecision Decision, string? Reason, string? CallbackId)
{
    public long Id { get; init; }
}
