namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>The states of an INVITE client transaction (RFC 3261 §17.1.1, Accepted from RFC 6026 §7.2).</summary>
public enum ClientInviteState
{
    /// <summary>The INVITE was sent and is retransmitted (Timer A, UDP) until a response or Timer B.</summary>
    Calling,

    /// <summary>A provisional response arrived; no more retransmissions.</summary>
    Proceeding,

    /// <summary>A 300-699 arrived and was acknowledged; its retransmissions are ACKed again until Timer D.</summary>
    Completed,

    /// <summary>A 2xx arrived; further 2xx (retransmissions, forks) go to the TU until Timer M.</summary>
    Accepted,

    /// <summary>Done; the transaction has left the layer.</summary>
    Terminated,
}
