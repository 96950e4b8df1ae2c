using System.Diagnostics.CodeAnalysis;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

/// <summary>What became of a call we placed: answered (with the call), busy, unanswered, rejected, failed or withdrawn.</summary>
public sealed class OutboundCallResult
{
    private OutboundCallResult(string callId, OutboundCallOutcome outcome, int statusCode, string reasonPhrase, OutboundCallFailure failure, OutboundCall? call)
    {
        CallId = callId;
        Outcome = outcome;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Failure = failure;
        Call = call;
    }

    /// <summary>The Call-ID of the attempt.</summary>
    public string CallId { get; }

    /// <summary>How the attempt ended.</summary>
    public OutboundCallOutcome Outcome { get; }

    /// <summary>
    /// The final response that decided it (200, 486, 487, 403, ...); 408 and 503 also stand for a timeout and a transport
    /// failure (RFC 3261 §8.1.3.1), and 0 means no final response was involved (no media ports, withdrawn before sending).
    /// </summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase of that response, or a few words saying what happened.</summary>
    public string ReasonPhrase { get; }

    /// <summary>Why the call failed, when <see cref="Outcome"/> is <see cref="OutboundCallOutcome.Failed"/>.</summary>
    public OutboundCallFailure Failure { get; }

    /// <summary>The answered call, when <see cref="Outcome"/> is <see cref="OutboundCallOutcome.Answered"/>.</summary>
    public OutboundCall? Call { get; }

    /// <summary>Whether the call was answered; <see cref="Call"/> is then set.</summary>
    [MemberNotNullWhen(true, nameof(Call))]
    public bool IsAnswered => Call is not null;

    public override string ToString() => Outcome switch
    {
        OutboundCallOutcome.Answered => $"answered ({CallId})",
        OutboundCallOutcome.Failed => $"failed: {Failure} {StatusCode} {ReasonPhrase} ({CallId})",
        _ => $"{Outcome} {StatusCode} {ReasonPhrase} ({CallId})",
    };

    internal static OutboundCallResult Answered(OutboundCall call, int statusCode, string reasonPhrase) =>
        new(call.CallId, OutboundCallOutcome.Answered, statusCode, reasonPhrase, OutboundCallFailure.None, call);

    internal static OutboundCallResult Ended(string callId, OutboundCallOutcome outcome, int statusCode, string reasonPhrase) =>
        new(callId, outcome, statusCode, reasonPhrase, OutboundCallFailure.None, null);

    internal static OutboundCallResult Failed(string callId, OutboundCallFailure failure, int statusCode, string reasonPhrase) =>
        new(callId, OutboundCallOutcome.Failed, statusCode, reasonPhrase, failure, null);
}
