using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using CallMyWay.Voice.Web.Api;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Web.Tests.Chat;

/// <summary>
/// The real host on a fake clock (Monday 10:00 in GMT-6, open, unless the test says otherwise), with helpers to
/// connect visitors to <c>/hubs/chat</c> and agents to <c>/hubs/agents</c> through the test server.
/// </summary>
internal sealed class ChatDesk : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static readonly DateTimeOffset MondayMorning = DateTimeOffset.Parse("2026-11-23T10:00:00-06:00", CultureInfo.InvariantCulture);

    private readonly List<HubConnection> _connections = [];

    public ChatDesk(DateTimeOffset? now = null, IDictionary<string, string?>? settings = null)
    {
        Time = new FakeTimeProvider(now ?? MondayMorning);
        Factory = new DeskFactory(settings: settings, time: Time);
    }

    public FakeTimeProvider Time { get; }

    public DeskFactory Factory { get; }

    public async Task<Visitor> VisitorAsync()
    {
        var connection = Build("/hubs/chat", cookie: null);
        var visitor = new Visitor(connection);
        await connection.StartAsync();
        return visitor;
    }

    public async Task<Agent> AgentAsync(string email = DeskFactory.AdminEmail, string password = DeskFactory.AdminPassword)
    {
        var login = await Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var connection = Build("/hubs/agents", cookie);
        var agent = new Agent(connection);
        await connection.StartAsync();
        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        await Factory.DisposeAsync();
        Factory.DeleteDatabase();
    }

    private HubConnection Build(string path, string? cookie)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Factory.Server.BaseAddress, path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => Factory.Server.CreateHandler();
                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }
            })
            .AddJsonProtocol(options => ApiServiceCollectionExtensions.Configure(options.PayloadSerializerOptions))
            .Build();
        _connections.Add(connection);
        return connection;
    }

    /// <summary>Reads what one client was sent, event by event, failing the test when nothing comes in time.</summary>
    internal abstract class Client
    {
        private readonly Dictionary<string, Channel<JsonElement>> _events = new(StringComparer.Ordinal);

        protected Client(HubConnection connection, params string[] events)
        {
            Connection = connection;
            foreach (var name in events)
            {
                var channel = Channel.CreateUnbounded<JsonElement>();
                _events[name] = channel;
                connection.On<JsonElement>(name, e => channel.Writer.TryWrite(e));
            }
        }

        public HubConnection Connection { get; }

        /// <summary>The next <paramref name="eventName"/> that matches, skipping the others.</summary>
        public async Task<JsonElement> NextAsync(string eventName, Func<JsonElement, bool>? where = null)
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (true)
            {
                var next = await _events[eventName].Reader.ReadAsync(timeout.Token);
                if (where is null || where(next))
                {
                    return next;
                }
            }
        }

        public bool Has(string eventName, Func<JsonElement, bool> where)
        {
            var found = false;
            var kept = new List<JsonElement>();
            while (_events[eventName].Reader.TryRead(out var e))
            {
                found |= where(e);
                kept.Add(e);
            }

            foreach (var e in kept)
            {
                _events[eventName].Writer.TryWrite(e);
            }

            return found;
        }
    }

    internal sealed class Visitor(HubConnection connection) : Client(connection, "chatMessage", "chatStatus", "chatTyping")
    {
        public async Task<(string Id, string Token)> StartAsync(string name = "María López", string? email = "maria@example.com", string? phone = null, string topic = "Facturación", string language = "es")
        {
            var started = await Connection.InvokeAsync<JsonElement>("start", new { name, email, phone, topic, language });
            return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!);
        }

        public Task<JsonElement> SendAsync(string token, string clientMessageId, string text) =>
            Connection.InvokeAsync<JsonElement>("send", token, clientMessageId, text);

        public Task<JsonElement> ResumeAsync(string token, int afterSeq) =>
            Connection.InvokeAsync<JsonElement>("resume", token, afterSeq);
    }

    internal sealed class Agent(HubConnection connection) : Client(connection, "chatUpdated", "chatMessage", "chatTyping")
    {
        public Task<JsonElement> TakeAsync(string id) => Connection.InvokeAsync<JsonElement>("takeChat", id);

        public Task<JsonElement> SendAsync(string id, string clientMessageId, string text) =>
            Connection.InvokeAsync<JsonElement>("sendChat", id, clientMessageId, text);
    }
}
