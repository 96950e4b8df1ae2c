using CallMyWay.Voice.Domain.Numbers;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>One attempt to call a visitor back.</summary>
/// <param name="CallbackId">The callback it belongs to.</param>
/// <param name="Number">The visitor's number, E.164.</param>
/// <param name="Did">The desk number to present (From), the DID of the visitor's country.</param>
/// <param name="Attempt">1 for the first attempt.</param>
public sealed record Click2CallDial(string CallbackId, string Number, DeskNumber Did, int Attempt);
