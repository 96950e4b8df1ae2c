namespace CallMyWay.Voice.Telephony.Sip.UserAgent;

/// <summary>Configuration section <c>Trunk</c>: the carrier's SIP trunk (CONTRACT.md).</summary>
public sealed class TrunkOptions
{
    public const string SectionName = "Trunk";

    /// <summary>The default when nothing is configured: only this machine may send INVITEs to the DIDs.</summary>
    public static readonly IReadOnlyList<string> DefaultAllowedSources = ["127.0.0.0/8"];

    public string? Host { get; set; }

    public int Port { get; set; } = 5060;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>CIDRs allowed to send INVITEs to the DIDs without authentication; empty means the default.</summary>
    public IList<string> AllowedSources { get; } = [];
}
