using System.Text;
using CallMyWay.Voice.Telephony.Media.Dtmf;

namespace CallMyWay.Voice.Telephony.Tests.Media.Dtmf;

public sealed class SipInfoDtmfTests
{
    [Theory]
    [InlineData("Signal=5\r\nDuration=160\r\n", '5', 160)]
    [InlineData("Signal=5\r\nDuration=160", '5', 160)]
    [InlineData("signal = #\nduration = 250\n", '#', 250)]
    [InlineData("  SIGNAL= *  \r\n  DURATION =100 \r\n", '*', 100)]
    [InlineData("Duration=300\r\nSignal=9\r\n", '9', 300)]
    [InlineData("Signal=a\r\nDuration=160\r\n", 'A', 160)]
    [InlineData("Signal=D", 'D', 0)]
    [InlineData("Signal=10\r\nDuration=160\r\n", '*', 160)]
    [InlineData("Signal=11\r\nDuration=160\r\n", '#', 160)]
    [InlineData("Signal=0\r\nDuration=abc\r\n", '0', 0)]
    [InlineData("Signal=1\r\nDuration=-5\r\n", '1', 0)]
    [InlineData("Signal=2\r\nVolume=10\r\nDuration=90\r\n", '2', 90)]
    public void Dtmf_relay_body_gives_the_key_and_duration(string body, char digit, int durationMs)
    {
        Assert.True(SipInfoDtmf.TryParse("application/dtmf-relay", Encoding.ASCII.GetBytes(body), out char parsed, out int duration));

        Assert.Equal(digit, parsed);
        Assert.Equal(durationMs, duration);
    }

    [Theory]
    [InlineData("application/dtmf-relay")]
    [InlineData("Application/DTMF-Relay")]
    [InlineData("application/dtmf-relay; charset=UTF-8")]
    [InlineData(" application/dtmf-relay ")]
    public void Content_type_is_matched_ignoring_case_and_parameters(string contentType)
    {
        Assert.True(SipInfoDtmf.TryParse(contentType, "Signal=7\r\nDuration=160\r\n"u8, out char digit, out _));
        Assert.Equal('7', digit);
    }

    [Theory]
    [InlineData("5", '5')]
    [InlineData("#\r\n", '#')]
    [InlineData(" b ", 'B')]
    [InlineData("11", '#')]
    [InlineData("10\n", '*')]
    public void Dtmf_body_is_the_key_alone(string body, char digit)
    {
        Assert.True(SipInfoDtmf.TryParse("application/dtmf", Encoding.ASCII.GetBytes(body), out char parsed, out int duration));

        Assert.Equal(digit, parsed);
        Assert.Equal(0, duration);
    }

    [Theory]
    [InlineData("application/dtmf-relay", "")]
    [InlineData("application/dtmf-relay", "Duration=160\r\n")]
    [InlineData("application/dtmf-relay", "Signal=\r\nDuration=160\r\n")]
    [InlineData("application/dtmf-relay", "Signal=E\r\n")]
    [InlineData("application/dtmf-relay", "Signal=55\r\n")]
    [InlineData("application/dtmf-relay", "Signal=16\r\n")]
    [InlineData("application/dtmf-relay", "Signal 5\r\n")]
    [InlineData("application/dtmf-relay", "Signals=5\r\n")]
    [InlineData("application/dtmf", "")]
    [InlineData("application/dtmf", "55")]
    [InlineData("application/dtmf", "Signal=5")]
    [InlineData("text/plain", "Signal=5\r\nDuration=160\r\n")]
    [InlineData("application/dtmf-relayx", "Signal=5\r\n")]
    [InlineData("", "5")]
    public void Bad_bodies_and_other_content_types_give_no_key(string contentType, string body)
    {
        Assert.False(SipInfoDtmf.TryParse(contentType, Encoding.ASCII.GetBytes(body), out char digit, out _));
        Assert.Equal('\0', digit);
    }

    [Fact]
    public void Missing_content_type_gives_no_key()
    {
        Assert.False(SipInfoDtmf.TryParse(null, "5"u8, out _, out _));
    }
}
