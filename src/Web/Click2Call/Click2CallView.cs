namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>A callback as <c>GET /api/click2call</c> shows it: its state and every attempt.</summary>
public sealed record Click2CallView(string Id, string Number, string Did, string? Name, string? Reason, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ScheduledFor, IReadOnlyList<Click2CallAttemptView> Attempts)
{
    public static Click2CallView Of(Click2CallCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new(
            callback.Id,
            callback.Number,
            callback.Did,
            callback.Name,
            callback.Reason,
            Click2CallService.ContractName(callback.Status),
            callback.CreatedAt,
            callback.ScheduledFor,
            [.. callback.Attempts.Select(a => new Click2CallAttemptView(a.Number, a.At, ContractName(a.Outcome), a.StatusCode, a.Detail))]);
    }

    private static string ContractName(Telephony.Sip.UserAgent.Outbound.OutboundCallOutcome outcome) => outcome switch
    {
        Telephony.Sip.UserAgent.Outbound.OutboundCallOutcome.NoAnswer => "noAnswer",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
