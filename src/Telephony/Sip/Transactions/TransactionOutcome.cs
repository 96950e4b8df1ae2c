namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>How a transaction ended.</summary>
public enum TransactionOutcome
{
    /// <summary>It ran its course: a final response was exchanged and its wait timer ran out.</summary>
    Finished,

    /// <summary>A timer ran out first: no final response (Timers B, F), or no ACK for a non-2xx (Timer H).</summary>
    TimedOut,

    /// <summary>The transport could not send one of its messages (RFC 3261 §17.1.4, §17.2.4).</summary>
    TransportFailed,

    /// <summary>The transaction layer was stopped while it was running.</summary>
    Aborted,
}
