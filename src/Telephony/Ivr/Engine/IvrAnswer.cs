namespace CallMyWay.Voice.Telephony.Ivr.Engine;

/// <summary>A step's valid answer.</summary>
/// <param name="Digits">The digit chosen, or the number typed without its <c>#</c> (empty for <c>#</c> alone); empty for a recording.</param>
/// <param name="Recording">What the caller said, for a recording step.</param>
internal sealed record IvrAnswer(string Digits, IvrRecording? Recording = null);
