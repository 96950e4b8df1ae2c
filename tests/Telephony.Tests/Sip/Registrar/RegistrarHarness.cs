using System.Net;
using System.Text;
using CallMyWay.Voice.Telephony.Sip.Auth;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Registrar;

/// <summary>
/// A <see cref="SipRegistrar"/> behind a started <see cref="TransactionLayer"/> over an in-memory transport, on a
/// fake clock, with accounts 201 (password secret201) and 202 (secret202).
/// </summary>
internal sealed class RegistrarHarness : IAsyncDisposable
{
    public static readonly SipEndPoint Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060));

    private int _branch;

    private RegistrarHarness(RegistrarOptions options)
    {
        Options = options;
        Credentials.Add(SipAccount.WithPassword("201", "Ana", "secret201"));
        Credentials.Add(SipAccount.WithPassword("202", "Beto", "secret202"));
        Bindings = new RegistrationBindings(Time);
        Registrar = new SipRegistrar(Credentials, Bindings, Microsoft.Extensions.Options.Options.Create(options), Time, NullLogger<SipRegistrar>.Instance);
        Layer = new TransactionLayer(Transport, Time, NullLogger<TransactionLayer>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public RegistrarOptions Options { get; }

    public InMemoryCredentialStore Credentials { get; } = new();

    public RegistrationBindings Bindings { get; }

    public SipRegistrar Registrar { get; }

    public RegistrarTestTransport Transport { get; } = new();

    public TransactionLayer Layer { get; }

    public static async Task<RegistrarHarness> StartAsync(Action<RegistrarOptions>? configure = null)
    {
        var options = new RegistrarOptions();
        configure?.Invoke(options);
        var harness = new RegistrarHarness(options);
        await harness.Layer.StartAsync(new RegistrarTransactionUser(harness.Registrar), CancellationToken.None);
        return harness;
    }

    /// <summary>Sends a request (with a fresh branch, so it is a new transaction) and returns the response as the
    /// phone reads it off the wire.</summary>
    public async Task<SipResponse> SendAsync(RegisterRequest request, SipEndPoint? source = null)
    {
        var before = Transport.Sent.Count;
        await Transport.DeliverAsync((request with { Branch = "z9hG4bK-reg-" + ++_branch }).ToString(), source ?? Phone);
        var sent = Transport.Sent;
        Assert.Equal(before + 1, sent.Count);
        Assert.Equal(source ?? Phone, sent[^1].Destination);
        Assert.True(SipParser.TryParse(Encoding.UTF8.GetBytes(sent[^1].Text), out var message, out var error), error?.Reason);
        return Assert.IsType<SipResponse>(message);
    }

    /// <summary>
    /// Registers as a phone does: the request without credentials, then again with CSeq + 1 answering the 401
    /// challenge with <paramref name="client"/>. Returns the second response.
    /// </summary>
    public async Task<SipResponse> RegisterAsync(RegisterRequest request, DigestClient client, SipEndPoint? source = null)
    {
        var challenge = await SendAsync(request, source);
        Assert.Equal(401, challenge.StatusCode);
        var credentials = client.Authorize(Challenges(challenge), "REGISTER", RegisterRequest.RequestUri);
        Assert.NotNull(credentials);
        return await SendAsync(request with { CSeq = request.CSeq + 1, Authorization = credentials.ToString() }, source);
    }

    /// <summary>Registers 201 with the right password.</summary>
    public Task<SipResponse> RegisterAsync(RegisterRequest request, SipEndPoint? source = null) =>
        RegisterAsync(request, new DigestClient(request.Extension, "secret" + request.Extension), source);

    public static IReadOnlyList<DigestChallenge> Challenges(SipResponse response) =>
        [.. response.Headers.GetAll(SipHeaderNames.WwwAuthenticate).Select(value =>
            DigestChallenge.TryParse(value, out var challenge, out var error) ? challenge : throw new InvalidOperationException(error.ToString()))];

    /// <summary>The Contact values of a response, by URI, with their expires parameter.</summary>
    public static IReadOnlyList<(string Uri, long? Expires)> ContactsOf(SipResponse response) =>
        [.. response.Contacts.Select(contact => (contact.UriText, contact.Expires))];

    public async ValueTask DisposeAsync()
    {
        await Layer.DisposeAsync();
        Bindings.Dispose();
    }
}
