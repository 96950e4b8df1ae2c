using System.Text;
using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transport;

/// <summary>Wire-format SIP messages for the transport tests.</summary>
internal static class SipText
{
    public static string Options(string via, string callId = "transport-test-1", string cseq = "1 OPTIONS", string body = "") => Wire($"""
        OPTIONS sip:ping@127.0.0.1 SIP/2.0
        Via: {via}
        Max-Forwards: 70
        From: <sip:tester@127.0.0.1>;tag=a73kszlfl
        To: <sip:ping@127.0.0.1>
        Call-ID: {callId}
        CSeq: {cseq}
        Content-Length: {Encoding.UTF8.GetByteCount(body)}
        """) + "\r\n\r\n" + body;

    public static string Response(string via, string callId = "transport-test-response", string cseq = "1 OPTIONS") => Wire($"""
        SIP/2.0 200 OK
        Via: {via}
        From: <sip:ping@127.0.0.1>;tag=a73kszlfl
        To: <sip:tester@127.0.0.1>;tag=8321234356
        Call-ID: {callId}
        CSeq: {cseq}
        Content-Length: 0
        """) + "\r\n\r\n";

    /// <summary>Line ends as CRLF, as on the wire.</summary>
    public static string Wire(string text) => text.ReplaceLineEndings("\r\n");

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static SipMessage Parse(ReadOnlySpan<byte> data) =>
        SipParser.TryParse(data, out var message, out var error) ? message : throw new FormatException(error.ToString());

    public static SipRequest Request(string text) => (SipRequest)Parse(Bytes(text));
}
