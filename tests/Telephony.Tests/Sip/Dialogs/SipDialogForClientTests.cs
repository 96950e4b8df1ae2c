using System.Net;
using System.Text;
using CallMyWay.Voice.Telephony.Sip.Dialogs;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Dialogs;

/// <summary>The dialog a UAC builds from the response to its INVITE (RFC 3261 §12.1.2) and the requests it sends in it.</summary>
public sealed class SipDialogForClientTests
{
    private static readonly SipEndPoint Trunk = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060));
    private static readonly SipUri LocalContact = SipUri.Parse("sip:+50622223333@10.0.0.1:5060");

    private const string Invite =
        "INVITE sip:+50688887777@trunk.example.net SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-invite;rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: \"Desk\" <sip:+50622223333@10.0.0.1>;tag=ours\r\n"
        + "To: <sip:+50688887777@trunk.example.net>\r\n"
        + "Call-ID: call-7@10.0.0.1\r\n"
        + "CSeq: 2 INVITE\r\n"
        + "Contact: <sip:+50622223333@10.0.0.1:5060>\r\n"
        + "Content-Length: 0\r\n\r\n";

    private const string Ok =
        "SIP/2.0 200 OK\r\n"
        + "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-invite;rport=5060\r\n"
        + "Record-Route: <sip:edge.example.net;lr>\r\n"
        + "Record-Route: <sip:core.example.net;lr>, <sip:pbx.example.net;lr>\r\n"
        + "From: \"Desk\" <sip:+50622223333@10.0.0.1>;tag=ours\r\n"
        + "To: <sip:+50688887777@trunk.example.net>;tag=theirs\r\n"
        + "Call-ID: call-7@10.0.0.1\r\n"
        + "CSeq: 2 INVITE\r\n"
        + "Contact: <sip:callee@192.0.2.99:5070;transport=udp>\r\n"
        + "Content-Length: 0\r\n\r\n";

    [Fact]
    public void The_dialog_takes_its_identity_from_our_From_tag_and_the_responses_To_tag()
    {
        var dialog = SipDialog.ForClient(Parse<SipRequest>(Invite), Parse<SipResponse>(Ok), Trunk, LocalContact);

        Assert.Equal(new DialogId("call-7@10.0.0.1", "ours", "theirs"), dialog.Id);
        Assert.Equal("ours", dialog.LocalParty.Tag);
        Assert.Equal("theirs", dialog.RemoteParty.Tag);
        Assert.Null(dialog.RemoteSequence);
        Assert.Equal(Trunk, dialog.RemoteEndPoint);
        Assert.Equal(LocalContact, dialog.LocalContact);
    }

    [Fact]
    public void The_route_set_is_the_Record_Route_reversed_and_the_target_the_Contact()
    {
        var dialog = SipDialog.ForClient(Parse<SipRequest>(Invite), Parse<SipResponse>(Ok), Trunk, LocalContact);

        Assert.Equal(["<sip:pbx.example.net;lr>", "<sip:core.example.net;lr>", "<sip:edge.example.net;lr>"], dialog.RouteSet.Select(route => route.ToString()));
        Assert.Equal("sip:callee@192.0.2.99:5070;transport=udp", dialog.RemoteTarget.ToString());
    }

    [Fact]
    public void Requests_count_on_from_the_INVITEs_CSeq_and_the_ACK_reuses_it()
    {
        var dialog = SipDialog.ForClient(Parse<SipRequest>(Invite), Parse<SipResponse>(Ok), Trunk, LocalContact);

        var ack = dialog.CreateAck(2);
        var bye = dialog.CreateRequest(SipMethod.Bye);

        Assert.Equal(new CSeq(2, SipMethod.Ack), ack.CSeq);
        Assert.Equal(new CSeq(3, SipMethod.Bye), bye.CSeq);
        foreach (var request in new[] { ack, bye })
        {
            Assert.Equal("sip:callee@192.0.2.99:5070;transport=udp", request.RequestUri.ToString());
            Assert.Equal("ours", request.From.Tag);
            Assert.Equal("theirs", request.To.Tag);
            Assert.Equal("call-7@10.0.0.1", request.CallId);
            Assert.Equal(3, request.Routes.Count);
            Assert.Equal("sip:pbx.example.net;lr", request.Routes[0].UriText);
        }

        Assert.False(ack.Headers.Contains(SipHeaderNames.Via));
    }

    [Fact]
    public void Without_a_Contact_the_Request_URI_stays_the_target()
    {
        var response = Parse<SipResponse>(Ok.Replace("Contact: <sip:callee@192.0.2.99:5070;transport=udp>\r\n", string.Empty, StringComparison.Ordinal));

        var dialog = SipDialog.ForClient(Parse<SipRequest>(Invite), response, Trunk, LocalContact);

        Assert.Equal("sip:+50688887777@trunk.example.net", dialog.RemoteTarget.ToString());
    }

    [Fact]
    public void A_response_without_a_To_tag_makes_no_dialog()
    {
        var response = Parse<SipResponse>(Ok.Replace(";tag=theirs", string.Empty, StringComparison.Ordinal));

        Assert.Throws<ArgumentException>(() => SipDialog.ForClient(Parse<SipRequest>(Invite), response, Trunk, LocalContact));
    }

    private static T Parse<T>(string text)
        where T : SipMessage =>
        SipParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error)
            ? (T)message
            : throw new InvalidOperationException(error.Reason);
}
