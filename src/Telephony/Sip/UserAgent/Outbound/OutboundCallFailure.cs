namespace CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

/// <summary>Why a call could not be placed (<see cref="OutboundCallOutcome.Failed"/>).</summary>
public enum OutboundCallFailure
{
    /// <summary>The call did not fail.</summary>
    None,

    /// <summary>The INVITE could not be sent (unreachable, connection refused): a 503 the transaction made up (RFC 3261 §8.1.3.1).</summary>
    Transport,

    /// <summary>No response at all: Timer B ran out (408), or the ring timeout passed without even a provisional response.</summary>
    Timeout,

    /// <summary>The peer wants credentials we do not have, or refused ours: a second 401/407, a 403 after our credentials, or a challenge we cannot answer.</summary>
    Authentication,

    /// <summary>No RTP port pair was free for the call's media.</summary>
    NoMediaPorts,

    /// <summary>The peer answered with SDP we cannot use (no codec from our offer, no address); the desk hung up at once.</summary>
    UnusableAnswer,
}
