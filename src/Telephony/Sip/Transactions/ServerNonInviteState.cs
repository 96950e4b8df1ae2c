namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>The states of a non-INVITE server transaction (RFC 3261 §17.2.2).</summary>
public enum ServerNonInviteState
{
    /// <summary>The request was passed to the TU, which has not answered yet.</summary>
    Trying,

    /// <summary>A provisional response was sent.</summary>
    Proceeding,

    /// <summary>A final response was sent; request retransmissions get it again until Timer J.</summary>
    Completed,

    /// <summary>Done; the transaction has left the layer.</summary>
    Terminated,
}
