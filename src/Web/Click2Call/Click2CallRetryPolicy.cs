using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>
/// Whether and when an unanswered callback is tried again: busy, no answer, failures and temporary refusals retry after
/// <see cref="Click2CallOptions.RetryDelay"/> up to <see cref="Click2CallOptions.MaxAttempts"/> attempts; a retry that
/// would fall in closed hours moves to the next opening. A definitive refusal (404, 403, 603 Decline) is not retried:
/// calling again someone who declined is what a callback bomber would do.
/// </summary>
public sealed class Click2CallRetryPolicy(Click2CallOptions options, BusinessCalendar calendar)
{
    // RFC 3261 §21.4.9, §21.4.18, §21.5.4, §21.5.5: temporary conditions worth another try.
    private static readonly HashSet<int> TemporaryRefusals = [408, 480, 500, 503, 504];

    public DateTimeOffset? NextAttempt(int attemptsMade, OutboundCallOutcome outcome, int statusCode, DateTimeOffset now)
    {
        var retryable = outcome switch
        {
            OutboundCallOutcome.Busy or OutboundCallOutcome.NoAnswer or OutboundCallOutcome.Failed => true,
            OutboundCallOutcome.Rejected => TemporaryRefusals.Contains(statusCode),
            _ => false,
        };
        if (!retryable || attemptsMade >= options.MaxAttempts)
        {
            return null;
        }

        return calendar.CurrentOrNextOpen(now + options.RetryDelay);
    }
}
