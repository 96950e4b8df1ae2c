using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Numbers;

namespace CallMyWay.Voice.Telephony.Ivr.Desk;

/// <summary>Who opens a case from the IVR: what every case opened during a call shares.</summary>
/// <param name="CallerNumber">The caller's number; null when withheld.</param>
/// <param name="Did">The desk number they dialled (gives the case's <c>did</c> and <c>country</c>).</param>
/// <param name="Language">The language the caller chose (<c>es</c>, <c>en</c>).</param>
/// <param name="Channel"><see cref="CaseChannel.Phone"/>, or <see cref="CaseChannel.Click2call"/> for a call from the website.</param>
public sealed record IvrCaller(string? CallerNumber, DeskNumber Did, string Language, CaseChannel Channel);
