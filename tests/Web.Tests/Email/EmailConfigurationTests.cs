using System.Net;
using System.Net.Sockets;
using CallMyWay.Voice.Web.Email;
using CallMyWay.Voice.Web.Email.Confirmation;
using CallMyWay.Voice.Web.Email.Inbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>Start-up checks of the <c>Email</c> section and the link key it implies.</summary>
public sealed class EmailConfigurationTests
{
    [Theory]
    [InlineData("Email:Inbound:Port", "70000", "Email:Inbound:Port")]
    [InlineData("Email:Inbound:Address", "localhost", "Email:Inbound:Address")]
    [InlineData("Email:Address", "soporte", "Email:Address")]
    [InlineData("Email:Outbound:Security", "Sometimes", "Email:Outbound:Security")]
    [InlineData("Email:Outbound:Username", "relay-user", "Email:Outbound:Password")]
    [InlineData("Email:Imap:Host", "imap.callmyway.com", "Email:Imap:Username")]
    [InlineData("Email:LinkBaseUrl", "desk.callmyway.com", "Email:LinkBaseUrl")]
    [InlineData("Email:LinkSecret", "short", "Email:LinkSecret")]
    [InlineData("Email:MaxMessagesPerSenderPerHour", "0", "Email:MaxMessagesPerSenderPerHour")]
    public void A_bad_value_stops_the_start_with_a_message_naming_its_key(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddLogging().AddEmailChannel(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid_and_accept_both_seed_addresses()
    {
        var options = new EmailOptions();

        Assert.True(new EmailOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(["sosporte24@callmyway.com", "sosporte@callmyway.com"], options.AcceptedAddresses());
        Assert.Equal("127.0.0.1", options.Inbound.Address);
        Assert.Equal(2525, options.Inbound.Port);
    }

    [Fact]
    public async Task A_busy_port_fails_the_start_naming_the_keys()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var options = Options.Create(new EmailOptions { Inbound = new InboundOptions { Port = port } });
        var listener = new SmtpIntakeListener(options, null!, null!, NullLoggerFactory.Instance);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => listener.StartAsync(CancellationToken.None));

        Assert.Contains($"Email:Inbound:Port {port}", failure.Message, StringComparison.Ordinal);
        listener.Dispose();
    }

    [Fact]
    public void Without_a_configured_secret_a_random_key_is_made_once_and_kept_private()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cmw-key-{Guid.NewGuid():N}");
        try
        {
            var options = Options.Create(new EmailOptions { LinkSecretFile = Path.Combine(folder, "data", "email-link.key") });
            var first = new ConfirmationLinks(new LinkSecret(options), options);
            var signature = first.Sign(1001, ConfirmAction.Close);

            var afterRestart = new ConfirmationLinks(new LinkSecret(options), options);
            Assert.True(afterRestart.Verify(1001, ConfirmAction.Close, signature));
            Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(options.Value.LinkSecretFile)).Length);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.Value.LinkSecretFile));
            }

            var otherInstall = Options.Create(new EmailOptions { LinkSecret = "another-install-secret-key" });
            Assert.False(new ConfirmationLinks(new LinkSecret(otherInstall), otherInstall).Verify(1001, ConfirmAction.Close, signature));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(1001, ConfirmAction.Close, true)]
    [InlineData(1001, ConfirmAction.Reopen, false)]
    [InlineData(1002, ConfirmAction.Close, false)]
    public void A_signature_holds_for_its_case_and_action_only(long number, ConfirmAction action, bool valid)
    {
        var options = Options.Create(new EmailOptions { LinkSecret = "a-test-secret-of-enough-length" });
        var links = new ConfirmationLinks(new LinkSecret(options), options);
        var signature = links.Sign(1001, ConfirmAction.Close);

        Assert.Equal(valid, links.Verify(number, action, signature));
        Assert.False(links.Verify(1001, ConfirmAction.Close, signature[..^2] + (signature[^2] == 'A' ? "BB" : "AA")));
        Assert.False(links.Verify(1001, ConfirmAction.Close, "not base64url!"));
        Assert.False(links.Verify(1001, ConfirmAction.Close, null));
        Assert.Equal(new Uri($"http://localhost:5000/api/email/confirm?case=1001&action=close&sig={signature}"), links.LinkFor(1001, ConfirmAction.Close));
    }
}
