using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Sip.Transport;

/// <summary>A parsed message as the transport received it: the message, who sent it, and on which local end point.</summary>
/// <param name="Message">The parsed request or response.</param>
/// <param name="Source">The remote end point it came from (the real packet source, not what Via claims).</param>
/// <param name="Local">The local end point it arrived on.</param>
public sealed record IncomingSipMessage(SipMessage Message, SipEndPoint Source, SipEndPoint Local);
