using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Telephony.Ivr.Desk;

/// <summary>A new extension as the IVR collects it (CONTRACT.md, Activation).</summary>
/// <param name="NameRecording">The user's full name as the caller spoke it; null when nothing was recorded. The name in writing stays missing.</param>
public sealed record ActivationRequest(
    IvrCaller Caller,
    string AccountId,
    string Extension,
    bool DirectNumber,
    ExtensionType ExtensionType,
    bool InRingGroup,
    IvrRecording? NameRecording);
