using System.Globalization;
using System.Net;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Registrar;

public sealed class RegistrationBindingsTests : IDisposable
{
    private static readonly SipEndPoint Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060));
    private static readonly SipEndPoint Local = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("10.0.0.1"), 5060));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RegistrationBindings _bindings;

    public RegistrationBindingsTests() => _bindings = new RegistrationBindings(_time, sweepInterval: TimeSpan.FromSeconds(30));

    public void Dispose() => _bindings.Dispose();

    [Fact]
    public void Lookup_of_an_unknown_extension_is_empty() => Assert.Empty(_bindings.Lookup("201"));

    [Fact]
    public void Lookup_orders_by_q_with_no_q_as_one_then_by_most_recent_update()
    {
        Apply("201", "a@x", 1, Update("sip:201@192.0.2.10:5001", q: 0.2));
        _time.Advance(TimeSpan.FromSeconds(1));
        Apply("201", "b@x", 1, Update("sip:201@192.0.2.10:5002"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Apply("201", "c@x", 1, Update("sip:201@192.0.2.10:5003", q: 1.0));
        _time.Advance(TimeSpan.FromSeconds(1));
        Apply("201", "d@x", 1, Update("sip:201@192.0.2.10:5004", q: 0.2));

        Assert.Equal(
            ["sip:201@192.0.2.10:5003", "sip:201@192.0.2.10:5002", "sip:201@192.0.2.10:5004", "sip:201@192.0.2.10:5001"],
            _bindings.Lookup("201").Select(binding => binding.Uri.ToString()));
    }

    [Fact]
    public void Contact_uris_are_compared_as_RFC_3261_says()
    {
        Apply("201", "a@x", 1, Update("sip:201@PHONE.example.com:5060;transport=udp"));

        // Host case differs, parameter order differs: the same contact, refreshed rather than added.
        Apply("201", "a@x", 2, Update("sip:201@phone.example.com:5060;Transport=UDP", seconds: 120));

        var binding = Assert.Single(_bindings.Lookup("201"));
        Assert.Equal(2u, binding.CSeq);
        Assert.Equal(_time.GetUtcNow().AddSeconds(120), binding.ExpiresAt);
    }

    [Fact]
    public void Refresh_keeps_the_first_registration_time()
    {
        var first = _time.GetUtcNow();
        Apply("201", "a@x", 1, Update("sip:201@192.0.2.10:5060"));
        _time.Advance(TimeSpan.FromMinutes(10));

        Apply("201", "a@x", 2, Update("sip:201@192.0.2.10:5060"));

        var binding = Assert.Single(_bindings.Lookup("201"));
        Assert.Equal(first, binding.RegisteredAt);
        Assert.Equal(_time.GetUtcNow(), binding.UpdatedAt);
    }

    [Fact]
    public void Out_of_order_update_changes_none_of_the_contacts_of_the_request()
    {
        Apply("201", "a@x", 5, Update("sip:201@192.0.2.10:5001"));

        var result = Apply("201", "a@x", 5, Update("sip:201@192.0.2.10:5002"), Update("sip:201@192.0.2.10:5001", seconds: 0));

        Assert.Equal(BindingUpdateStatus.OutOfOrder, result.Status);
        Assert.Equal(SipUri.Parse("sip:201@192.0.2.10:5001"), Assert.Single(_bindings.Lookup("201")).Uri);
    }

    [Fact]
    public void Expired_binding_is_purged_on_lookup_with_a_change_event()
    {
        var changes = new List<BindingsChangedEventArgs>();
        Apply("201", "a@x", 1, Update("sip:201@192.0.2.10:5060", seconds: 60));
        _bindings.BindingsChanged += (_, change) => changes.Add(change);

        _time.SetUtcNow(_time.GetUtcNow().AddSeconds(61));

        Assert.Empty(_bindings.Lookup("201"));
        var change = Assert.Single(changes);
        Assert.Equal("201", change.Extension);
        Assert.Empty(change.Bindings);
    }

    [Fact]
    public void Sweep_runs_on_its_interval_and_reports_each_extension_once()
    {
        var changes = new List<string>();
        Apply("201", "a@x", 1, Update("sip:201@192.0.2.10:5060", seconds: 60));
        Apply("202", "b@x", 1, Update("sip:202@192.0.2.11:5060", seconds: 60), Update("sip:202@192.0.2.12:5060", seconds: 3600));
        _bindings.BindingsChanged += (_, change) => changes.Add(change.Extension + ":" + change.Bindings.Count);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(changes);
        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(["201:0", "202:1"], changes.Order());
        Assert.Equal(1, _bindings.Count);
        Assert.Single(_bindings.Snapshot());
    }

    [Fact]
    public void Remove_drops_every_binding_of_the_extension()
    {
        var changes = new List<BindingsChangedEventArgs>();
        Apply("201", "a@x", 1, Update("sip:201@192.0.2.10:5001"), Update("sip:201@192.0.2.10:5002"));
        Apply("202", "b@x", 1, Update("sip:202@192.0.2.11:5060"));
        _bindings.BindingsChanged += (_, change) => changes.Add(change);

        Assert.True(_bindings.Remove("201"));
        Assert.False(_bindings.Remove("201"));

        Assert.Empty(_bindings.Lookup("201"));
        Assert.Single(_bindings.Lookup("202"));
        Assert.Equal("201", Assert.Single(changes).Extension);
    }

    [Fact]
    public void Failing_handler_does_not_fail_the_update()
    {
        _bindings.BindingsChanged += (_, _) => throw new InvalidOperationException("console is down");

        var result = Apply("201", "a@x", 1, Update("sip:201@192.0.2.10:5060"));

        Assert.Equal(BindingUpdateStatus.Applied, result.Status);
        Assert.True(result.Changed);
        Assert.Single(_bindings.Lookup("201"));
    }

    [Fact]
    public void Extensions_are_kept_apart()
    {
        Apply("201", "a@x", 1, Update("sip:201@192.0.2.10:5060"));

        Apply("202", "a@x", 1, Update("sip:201@192.0.2.10:5060", seconds: 0));

        Assert.Single(_bindings.Lookup("201"));
        Assert.Empty(_bindings.Lookup("202"));
    }

    [Fact]
    public async Task Concurrent_registrations_are_all_kept()
    {
        var tasks = Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            Apply((200 + (i % 20)).ToString(CultureInfo.InvariantCulture), $"call-{i}@x", 1, Update($"sip:phone@192.0.2.{i % 250}:{5000 + i}"))));
        await Task.WhenAll(tasks);

        Assert.Equal(200, _bindings.Count);
        Assert.All(Enumerable.Range(200, 20), extension => Assert.Equal(10, _bindings.Lookup(extension.ToString(CultureInfo.InvariantCulture)).Count));
    }

    private static ContactUpdate Update(string uri, double? q = null, int seconds = 3600)
    {
        var contact = new NameAddress(SipUri.Parse(uri));
        return new ContactUpdate(q is null ? contact : contact.WithParameter("q", q.Value.ToString(CultureInfo.InvariantCulture)), contact.Uri!, q, seconds);
    }

    private BindingUpdateResult Apply(string extension, string callId, uint cseq, params ContactUpdate[] updates) =>
        _bindings.Apply(extension, new RegistrationChange
        {
            CallId = callId,
            CSeq = cseq,
            ReceivedFrom = Phone,
            LocalEndPoint = Local,
            At = _time.GetUtcNow(),
            Contacts = updates,
            MaxContacts = 100,
        });
}
