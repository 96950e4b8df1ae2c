namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>The states of an INVITE server transaction (RFC 3261 §17.2.1, Accepted from RFC 6026 §7.1).</summary>
public enum ServerInviteState
{
    /// <summary>Waiting for the TU's final response; provisional responses may have been sent.</summary>
    Proceeding,

    /// <summary>A 2xx was sent; INVITE retransmissions are absorbed and ACKs passed to the TU until Timer L.</summary>
    Accepted,

    /// <summary>A 300-699 was sent and is retransmitted (Timer G, UDP) until ACK or Timer H.</summary>
    Completed,

    /// <summary>The ACK arrived; ACK retransmissions are absorbed until Timer I.</summary>
    Confirmed,

    /// <summary>Done; the transaction has left the layer.</summary>
    Terminated,
}
