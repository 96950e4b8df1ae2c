using CallMyWay.Voice.Telephony.Sip.Auth;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using Microsoft.Extensions.Configuration;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Registrar;

public sealed class RegistrarOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_challenge_with_MD5_alone()
    {
        var options = new RegistrarOptions();

        Assert.Empty(options.Validate());
        Assert.Equal("callmyway", options.Realm);
        Assert.Equal([DigestAlgorithm.Md5], options.GetChallengeAlgorithms());
        Assert.Equal((60, 3600, 7200), (options.MinExpires, options.DefaultExpires, options.MaxExpires));
    }

    [Fact]
    public void Algorithms_bound_from_configuration_replace_the_default()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sip:Registrar:Algorithms:0"] = "SHA-256",
                ["Sip:Registrar:Algorithms:1"] = "md5",
            })
            .Build();
        var options = new RegistrarOptions();

        configuration.GetSection(RegistrarOptions.SectionName).Bind(options);

        Assert.Empty(options.Validate());
        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], options.GetChallengeAlgorithms());
    }

    [Fact]
    public void Bad_values_are_reported_by_key()
    {
        var options = new RegistrarOptions
        {
            Realm = "",
            Algorithms = ["SHA-1"],
            MinExpires = 120,
            DefaultExpires = 60,
            MaxExpires = 100,
            MaxContactsPerExtension = 0,
            ExtensionFailureLimit = -1,
            AddressFailureLimit = -1,
        };

        var errors = options.Validate();

        Assert.Contains(errors, error => error.StartsWith("Sip:Registrar:Realm", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Sip:Registrar:Algorithms 'SHA-1'", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Sip:Registrar:DefaultExpires", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Sip:Registrar:MaxExpires", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Sip:Registrar:MaxContactsPerExtension", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Sip:Registrar:ExtensionFailureLimit", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Sip:Registrar:AddressFailureLimit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registrar_refuses_invalid_options()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => RegistrarHarness.StartAsync(options => options.Algorithms = ["SHA-1"]));

        Assert.Contains("Sip:Registrar:Algorithms", error.Message, StringComparison.Ordinal);
    }
}
