using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

/// <summary>Loads the byte-exact messages under Sip/Messages/Data.</summary>
internal static class SipTestData
{
    public static byte[] Read(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Sip", "Messages", "Data", name));

    /// <summary>An RFC 4475 torture message by its file name (wsinv, intmeth, ...).</summary>
    public static byte[] Torture(string name) => Read(Path.Combine("Rfc4475", name + ".dat"));

    public static SipMessage Parse(byte[] data)
    {
        Assert.True(SipParser.TryParse(data, out var message, out var error), error?.ToString());
        return message;
    }

    public static SipRequest ParseRequest(byte[] data) => Assert.IsType<SipRequest>(Parse(data));

    public static SipResponse ParseResponse(byte[] data) => Assert.IsType<SipResponse>(Parse(data));

    public static SipParseError ParseError(byte[] data)
    {
        Assert.False(SipParser.TryParse(data, out var message, out var error), $"Parsed as {message}");
        return error;
    }

    /// <summary>Turns readable test text into wire bytes (LF becomes CRLF).</summary>
    public static byte[] Wire(string text) => System.Text.Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));
}
