namespace CallMyWay.Voice.Telephony.Ivr;

/// <summary>How a call left the IVR.</summary>
public enum IvrOutcome
{
    /// <summary>The caller was served (case opened, callback booked) and the IVR said goodbye and hung up.</summary>
    Completed,

    /// <summary>The caller asked for an agent (or failed a step while agents were free): the call goes to the queue, still up.</summary>
    ToAgentQueue,

    /// <summary>Three failed tries and no agent to hand over to: the IVR gave the e-mail address, said goodbye and hung up.</summary>
    GaveUp,

    /// <summary>The caller hung up during the IVR.</summary>
    CallerHungUp,
}
