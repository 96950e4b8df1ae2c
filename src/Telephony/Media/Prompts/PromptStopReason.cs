namespace CallMyWay.Voice.Telephony.Media.Prompts;

/// <summary>Why a <see cref="PromptPlayer"/>'s queue ended.</summary>
public enum PromptStopReason
{
    /// <summary>Every queued prompt played to its end.</summary>
    Completed,

    /// <summary>The caller pressed a key during a prompt that allows barge-in; the queue was cleared.</summary>
    BargedIn,

    /// <summary>The queue was cleared by <see cref="PromptPlayer.Stop"/> or by the end of the call.</summary>
    Stopped,
}
