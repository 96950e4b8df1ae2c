using System.Net;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent;

/// <summary>Which packet sources may call the DIDs without authentication: the trunk's networks (<c>Trunk:AllowedSources</c>).</summary>
public sealed class SourcePolicy
{
    private readonly IPNetwork[] _networks;

    public SourcePolicy(IEnumerable<string> cidrs)
    {
        ArgumentNullException.ThrowIfNull(cidrs);
        var networks = new List<IPNetwork>();
        var index = 0;
        foreach (var cidr in cidrs)
        {
            if (!IPNetwork.TryParse(cidr?.Trim() ?? string.Empty, out var network))
            {
                throw new ArgumentException($"Trunk:AllowedSources:{index}: \"{cidr}\" is not a network in CIDR form such as 203.0.113.0/24.", nameof(cidrs));
            }

            networks.Add(network);
            index++;
        }

        _networks = [.. networks];
    }

    public bool Allows(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
