using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transport;

public sealed class SipTransportOptionsTests
{
    [Fact]
    public void Defaults_follow_the_contract_and_are_valid()
    {
        var options = new SipTransportOptions();

        Assert.Equal("0.0.0.0", options.ListenAddress);
        Assert.Equal(5060, options.Port);
        Assert.Equal(64 * 1024, options.MaxMessageSize);
        Assert.Equal(TimeSpan.FromMinutes(10), options.TcpIdleTimeout);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Each_bad_value_is_reported_under_its_configuration_key()
    {
        var options = new SipTransportOptions
        {
            ListenAddress = "localhost",
            Port = 70000,
            PublicAddress = "not a host",
            MaxMessageSize = 10,
            TcpIdleTimeout = TimeSpan.Zero,
            MaxTcpConnections = 0,
        };

        var errors = options.Validate();

        Assert.Contains(errors, error => error.StartsWith("Sip:ListenAddress", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Sip:Port", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Sip:PublicAddress", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Sip:MaxMessageSize", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Sip:TcpIdleTimeout", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Sip:MaxTcpConnections", StringComparison.Ordinal));
        Assert.Equal(6, errors.Count);
    }

    [Theory]
    [InlineData("sip.callmyway.test")]
    [InlineData("198.51.100.20")]
    [InlineData("2001:db8::20")]
    public void Public_address_may_be_an_address_or_a_host_name(string publicAddress)
    {
        Assert.Empty(new SipTransportOptions { PublicAddress = publicAddress }.Validate());
    }
}
