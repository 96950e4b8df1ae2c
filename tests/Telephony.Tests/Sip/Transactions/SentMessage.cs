using System.Text;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

/// <summary>One message the <see cref="FakeSipTransport"/> sent: the object, where to, the wire text, and the fake
/// time since the test began.</summary>
internal sealed record SentMessage(SipMessage Message, SipEndPoint Destination, string Text, TimeSpan At)
{
    public bool IsRequest(SipMethod method) => Message is SipRequest request && request.Method == method;

    public bool IsResponse(int statusCode) => Message is SipResponse response && response.StatusCode == statusCode;

    /// <summary>The message as the peer would read it off the wire.</summary>
    public SipMessage Parsed() =>
        SipParser.TryParse(Encoding.UTF8.GetBytes(Text), out var message, out var error)
            ? message
            : throw new InvalidOperationException($"Sent message does not parse: {error.Reason}\n{Text}");
}
