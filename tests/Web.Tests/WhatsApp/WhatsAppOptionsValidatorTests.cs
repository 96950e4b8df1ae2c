using CallMyWay.Voice.Web.WhatsApp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Tests.WhatsApp;

public sealed class WhatsAppOptionsValidatorTests
{
    [Fact]
    public void Bad_configuration_stops_the_service_naming_the_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:Enabled"] = "true",
            ["WhatsApp:ApiVersion"] = "21",
            ["WhatsApp:Templates:0:Name"] = "case_update",
        }).Build();
        var services = new ServiceCollection();
        services.AddWhatsAppChannel(configuration);
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WhatsAppOptions>>().Value);

        foreach (var key in new[] { "WhatsApp:VerifyToken", "WhatsApp:AppSecret", "WhatsApp:AccessToken", "WhatsApp:PhoneNumberId", "WhatsApp:ApiVersion", "WhatsApp:Templates:0" })
        {
            Assert.Contains(failure.Failures, f => f.StartsWith(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Disabled_channel_needs_no_secrets()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WhatsApp:Enabled"] = "false" }).Build();
        var services = new ServiceCollection();
        services.AddWhatsAppChannel(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<WhatsAppOptions>>().Value;

        Assert.Equal(("https://graph.facebook.com", "v21.0", 1024 * 1024), (options.BaseUrl, options.ApiVersion, options.MaxBodyBytes));
        Assert.Null(options.AppSecret);
    }

    [Theory]
    [InlineData("WhatsApp:BaseUrl", "graph.facebook.com")]
    [InlineData("WhatsApp:BaseUrl", "ftp://graph.facebook.com")]
    [InlineData("WhatsApp:MaxBodyBytes", "100")]
    [InlineData("WhatsApp:MaxBodyBytes", "104857600")]
    public void Out_of_range_values_are_refused_even_when_disabled(string key, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => OptionsFrom(new() { ["WhatsApp:Enabled"] = "false", [key] = value }));

        Assert.Contains(failure.Failures, f => f.StartsWith(key, StringComparison.Ordinal));
    }

    private static WhatsAppOptions OptionsFrom(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddWhatsAppChannel(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<WhatsAppOptions>>().Value;
    }
}
