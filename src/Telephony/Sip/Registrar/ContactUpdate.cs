using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>One Contact of a REGISTER, checked: the address to bind and for how long (0 removes it).</summary>
/// <param name="Contact">The Contact value without its <c>expires</c> parameter.</param>
/// <param name="Uri">Its SIP URI.</param>
/// <param name="Q">Its <c>q</c> preference, if any.</param>
/// <param name="ExpiresSeconds">The interval granted, already within the registrar's limits; 0 to remove the binding.</param>
internal readonly record struct ContactUpdate(NameAddress Contact, SipUri Uri, double? Q, int ExpiresSeconds);
