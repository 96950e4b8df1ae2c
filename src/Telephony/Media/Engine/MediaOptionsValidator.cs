using System.Net;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>Rejects a <c>Media</c> section the engine cannot run with, naming the key at fault.</summary>
public sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = MediaOptions.SectionName;
        if (options.RtpPortMin is < 1024 or > ushort.MaxValue)
        {
            failures.Add($"{Section}:RtpPortMin must be between 1024 and 65535 (was {options.RtpPortMin}).");
        }

        if (options.RtpPortMax is < 1024 or > ushort.MaxValue)
        {
            failures.Add($"{Section}:RtpPortMax must be between 1024 and 65535 (was {options.RtpPortMax}).");
        }

        // At least one even RTP port with its RTCP port above it must fit the range.
        int firstEven = (options.RtpPortMin + 1) & ~1;
        if (firstEven + 1 > options.RtpPortMax)
        {
            failures.Add(
                $"{Section}:RtpPortMax ({options.RtpPortMax}) leaves no even RTP port and its RTCP port above {Section}:RtpPortMin ({options.RtpPortMin}).");
        }

        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"{Section}:BindAddress must be an IPv4 or IPv6 literal (was '{options.BindAddress}').");
        }

        if (options.RtcpInterval < TimeSpan.FromSeconds(1) || options.RtcpInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Section}:RtcpInterval must be between 00:00:01 and 00:05:00 (was {options.RtcpInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
