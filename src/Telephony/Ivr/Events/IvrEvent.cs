namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>Something that happened to a call in the IVR; the web host turns these into <c>callUpdated</c> messages.</summary>
/// <param name="CallId">The call, as <see cref="IIvrChannel.CallId"/>.</param>
/// <param name="At">When, from the IVR's <see cref="TimeProvider"/>.</param>
public abstract record IvrEvent(string CallId, DateTimeOffset At);
