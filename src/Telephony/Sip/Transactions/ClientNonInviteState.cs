namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>The states of a non-INVITE client transaction (RFC 3261 §17.1.2).</summary>
public enum ClientNonInviteState
{
    /// <summary>The request was sent and is retransmitted (Timer E, UDP) until a response or Timer F.</summary>
    Trying,

    /// <summary>A provisional response arrived; retransmissions continue every T2.</summary>
    Proceeding,

    /// <summary>A final response arrived; its retransmissions are absorbed until Timer K.</summary>
    Completed,

    /// <summary>Done; the transaction has left the layer.</summary>
    Terminated,
}
