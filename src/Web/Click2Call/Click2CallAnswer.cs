namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>What <see cref="Click2CallService"/> answers a request: the callback (202), or a refusal with its HTTP status.</summary>
public sealed record Click2CallAnswer(Click2CallDecision Decision, Click2CallResponse? Callback, int StatusCode, string? Detail, TimeSpan? RetryAfter)
{
    public bool IsAccepted => Callback is not null;

    public static Click2CallAnswer Accepted(Click2CallDecision decision, Click2CallCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new(decision, new Click2CallResponse(callback.Id, Click2CallService.ContractName(callback.Status), callback.ScheduledFor), StatusCodes.Status202Accepted, null, null);
    }

    public static Click2CallAnswer Refused(Click2CallDecision decision, string detail, TimeSpan? retryAfter = null) => new(decision, null, StatusOf(decision), detail, retryAfter);

    private static int StatusOf(Click2CallDecision decision) => decision switch
    {
        Click2CallDecision.InvalidNumber or Click2CallDecision.TypeRefused => StatusCodes.Status400BadRequest,
        Click2CallDecision.CountryNotServed => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status429TooManyRequests,
    };
}
