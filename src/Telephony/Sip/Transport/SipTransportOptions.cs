using System.Net;
using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Sip.Transport;

/// <summary>Where the SIP transport listens and the limits it keeps; bound from the <c>Sip</c> configuration section.</summary>
public sealed class SipTransportOptions
{
    /// <summary>The configuration section (<c>Sip:ListenAddress</c>, <c>Sip:Port</c>, ...).</summary>
    public const string SectionName = "Sip";

    /// <summary>The IP address UDP and TCP listen on; <c>0.0.0.0</c> for every IPv4 interface, <c>::</c> for every interface.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>The port UDP and TCP listen on; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 5060;

    /// <summary>The address (or host name) written into Via and Contact, for a service behind NAT; the listen address when null.</summary>
    public string? PublicAddress { get; set; }

    /// <summary>The largest message accepted or sent, headers and body.</summary>
    public int MaxMessageSize { get; set; } = SipParserOptions.DefaultMaxMessageSize;

    /// <summary>How long a TCP connection may carry nothing before it is closed.</summary>
    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often connections are checked against <see cref="TcpIdleTimeout"/>.</summary>
    public TimeSpan TcpIdleSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long opening an outbound TCP connection may take.</summary>
    public TimeSpan TcpConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Open TCP connections, inbound and outbound together; more are refused.</summary>
    public int MaxTcpConnections { get; set; } = 1024;

    /// <summary>The kernel receive buffer of the UDP socket (SO_RCVBUF), which absorbs bursts; the OS may cap it.</summary>
    public int UdpReceiveBufferSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>The smallest read from a TCP connection into its pipe.</summary>
    public int TcpReceiveBufferSize { get; set; } = 4096;

    /// <summary>Checks every value and names the key at fault, so that a bad configuration stops the service at start.</summary>
    /// <returns>One message per bad value; empty when all are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            errors.Add($"{SectionName}:{nameof(ListenAddress)} '{ListenAddress}' is not an IP address.");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add($"{SectionName}:{nameof(Port)} {Port} is not between 0 and 65535.");
        }

        if (PublicAddress is not null && !SipGrammar.TryClassifyHost(SipGrammar.NormalizeHost(PublicAddress), out _))
        {
            errors.Add($"{SectionName}:{nameof(PublicAddress)} '{PublicAddress}' is neither an IP address nor a host name.");
        }

        if (MaxMessageSize is < 1024 or > SipParserOptions.DefaultMaxMessageSize)
        {
            errors.Add($"{SectionName}:{nameof(MaxMessageSize)} {MaxMessageSize} is not between 1024 and {SipParserOptions.DefaultMaxMessageSize}.");
        }

        RequirePositive(errors, nameof(TcpIdleTimeout), TcpIdleTimeout);
        RequirePositive(errors, nameof(TcpIdleSweepInterval), TcpIdleSweepInterval);
        RequirePositive(errors, nameof(TcpConnectTimeout), TcpConnectTimeout);
        if (MaxTcpConnections < 1)
        {
            errors.Add($"{SectionName}:{nameof(MaxTcpConnections)} must be at least 1.");
        }

        if (UdpReceiveBufferSize < 0)
        {
            errors.Add($"{SectionName}:{nameof(UdpReceiveBufferSize)} cannot be negative.");
        }

        if (TcpReceiveBufferSize is < 512 or > 1024 * 1024)
        {
            errors.Add($"{SectionName}:{nameof(TcpReceiveBufferSize)} {TcpReceiveBufferSize} is not between 512 and 1048576.");
        }

        return errors;
    }

    private static void RequirePositive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{name} must be positive.");
        }
    }
}
