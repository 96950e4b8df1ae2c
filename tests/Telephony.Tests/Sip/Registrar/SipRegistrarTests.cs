using System.Net;
using CallMyWay.Voice.Telephony.Sip.Auth;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Registrar;

public sealed class SipRegistrarTests
{
    private static readonly RegisterRequest Register = new();

    [Fact]
    public async Task Register_without_credentials_is_challenged_with_MD5_alone_by_default()
    {
        await using var harness = await RegistrarHarness.StartAsync();

        var response = await harness.SendAsync(Register);

        Assert.Equal(401, response.StatusCode);
        Assert.NotNull(response.To.Tag);
        var challenge = Assert.Single(RegistrarHarness.Challenges(response));
        Assert.Equal(DigestAlgorithm.Md5, challenge.Algorithm);
        Assert.Equal("callmyway", challenge.Realm);
        Assert.Equal(["auth"], challenge.QopOptions);
        Assert.False(challenge.Stale);
        Assert.Empty(harness.Bindings.Lookup("201"));
        Assert.Equal(0, harness.Credentials.Lookups);
    }

    [Fact]
    public async Task Configured_algorithms_are_challenged_in_order_SHA_256_first_with_one_nonce()
    {
        await using var harness = await RegistrarHarness.StartAsync(options => options.Algorithms = ["SHA-256", "MD5"]);

        var response = await harness.SendAsync(Register);

        var challenges = RegistrarHarness.Challenges(response);
        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], challenges.Select(challenge => challenge.Algorithm));
        Assert.Equal(challenges[0].Nonce, challenges[1].Nonce);
        Assert.StartsWith("Digest realm=\"callmyway\"", response.Headers.GetAll(SipHeaderNames.WwwAuthenticate)[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public async Task Correct_digest_answer_registers_the_contact(string algorithmName)
    {
        await using var harness = await RegistrarHarness.StartAsync(options => options.Algorithms = [algorithmName]);

        var response = await harness.SendAsync(Register);
        var challenge = Assert.Single(RegistrarHarness.Challenges(response));
        var credentials = new DigestClient("201", "secret201").Authorize(challenge, "REGISTER", RegisterRequest.RequestUri);
        Assert.Equal(algorithmName, credentials!.Algorithm.Name);
        var ok = await harness.SendAsync(Register with { CSeq = 2, Authorization = credentials.ToString(), Expires = "600" });

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal([("sip:201@192.0.2.10:5060", 600L)], RegistrarHarness.ContactsOf(ok));
        Assert.Equal("Sat, 01 Mar 2025 12:00:00 GMT", ok.Headers.GetFirst(SipHeaderNames.Date));
        var binding = Assert.Single(harness.Bindings.Lookup("201"));
        Assert.Equal(SipUri.Parse("sip:201@192.0.2.10:5060"), binding.Uri);
        Assert.Equal(harness.Time.GetUtcNow().AddSeconds(600), binding.ExpiresAt);
        Assert.Equal("reg-201@192.0.2.10", binding.CallId);
        Assert.Equal(2u, binding.CSeq);
        Assert.Equal("TestPhone/1.0", binding.UserAgent);
    }

    [Fact]
    public async Task Phone_picks_SHA_256_when_both_are_offered_and_registers()
    {
        await using var harness = await RegistrarHarness.StartAsync(options => options.Algorithms = ["SHA-256", "MD5"]);

        var ok = await harness.RegisterAsync(Register);

        Assert.Equal(200, ok.StatusCode);
        Assert.Single(harness.Bindings.Lookup("201"));
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public async Task Account_holding_only_HA1_values_registers(string algorithmName)
    {
        await using var harness = await RegistrarHarness.StartAsync(options => options.Algorithms = [algorithmName]);
        harness.Credentials.Add(SipAccount.WithHa1(
            "203",
            "Carla",
            DigestAlgorithm.Md5.ComputeHa1("203", "callmyway", "secret203"),
            DigestAlgorithm.Sha256.ComputeHa1("203", "callmyway", "secret203")));

        var ok = await harness.RegisterAsync(Register with { Extension = "203", CallId = "reg-203@192.0.2.10" });

        Assert.Equal(200, ok.StatusCode);
        Assert.Single(harness.Bindings.Lookup("203"));
    }

    [Fact]
    public async Task Wrong_password_is_challenged_again_without_stale()
    {
        await using var harness = await RegistrarHarness.StartAsync();

        var response = await harness.RegisterAsync(Register, new DigestClient("201", "guess"));

        Assert.Equal(401, response.StatusCode);
        Assert.False(Assert.Single(RegistrarHarness.Challenges(response)).Stale);
        Assert.Empty(harness.Bindings.Lookup("201"));
    }

    [Fact]
    public async Task Unknown_extension_gets_the_same_answer_as_a_wrong_password()
    {
        await using var harness = await RegistrarHarness.StartAsync();

        var response = await harness.RegisterAsync(Register with { Extension = "299" }, new DigestClient("299", "anything"));

        Assert.Equal(401, response.StatusCode);
        Assert.False(Assert.Single(RegistrarHarness.Challenges(response)).Stale);
        Assert.Empty(harness.Bindings.Snapshot());
    }

    [Fact]
    public async Task Authenticated_user_other_than_the_To_extension_is_forbidden()
    {
        await using var harness = await RegistrarHarness.StartAsync();

        // 201 knows its own password but tries to register extension 202.
        var response = await harness.RegisterAsync(Register with { Extension = "202" }, new DigestClient("201", "secret201"));

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(harness.Bindings.Snapshot());
    }

    [Fact]
    public async Task Credentials_for_another_realm_are_challenged()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        var challenge = new DigestChallenge { Realm = "elsewhere", Nonce = "abc", QopOptions = ["auth"] };
        var credentials = new DigestClient("201", "secret201").Authorize(challenge, "REGISTER", RegisterRequest.RequestUri)!;

        var response = await harness.SendAsync(Register with { Authorization = credentials.ToString() });

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(0, harness.Credentials.Lookups);
    }

    [Fact]
    public async Task Binding_lapses_once_its_interval_has_passed()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        var changes = new List<BindingsChangedEventArgs>();
        harness.Bindings.BindingsChanged += (_, change) => changes.Add(change);
        Assert.Equal(200, (await harness.RegisterAsync(Register with { Expires = "60" })).StatusCode);

        harness.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, Assert.Single(harness.Bindings.Lookup("201")).SecondsLeftAt(harness.Time.GetUtcNow()));

        // The sweep (every 30 s) notices the expiry without anyone looking the extension up.
        harness.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(2, changes.Count);
        Assert.Empty(changes[1].Bindings);
        Assert.Empty(harness.Bindings.Lookup("201"));
        Assert.Equal(0, harness.Bindings.Count);
    }

    [Fact]
    public async Task Expired_binding_is_invisible_before_any_sweep()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        await harness.RegisterAsync(Register with { Expires = "60" });
        var registeredAt = harness.Time.GetUtcNow();

        // Move the clock without running timers: only the expiry instant decides.
        harness.Time.SetUtcNow(registeredAt.AddSeconds(60));

        Assert.Empty(harness.Bindings.Lookup("201"));
    }

    [Fact]
    public async Task Expires_zero_removes_the_contact()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        await harness.RegisterAsync(Register with { Contacts = ["<sip:201@192.0.2.10:5060>", "<sip:201@192.0.2.11:5060>"] });

        var ok = await harness.RegisterAsync(Register with { CSeq = 3, Expires = "0" });

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal([("sip:201@192.0.2.11:5060", 3600L)], RegistrarHarness.ContactsOf(ok));
        Assert.Equal(SipUri.Parse("sip:201@192.0.2.11:5060"), Assert.Single(harness.Bindings.Lookup("201")).Uri);
    }

    [Fact]
    public async Task Wildcard_with_expires_zero_removes_every_contact()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        await harness.RegisterAsync(Register with { Contacts = ["<sip:201@192.0.2.10:5060>", "<sip:201@192.0.2.11:5060>"] });

        var ok = await harness.RegisterAsync(Register with { CSeq = 3, Contacts = ["*"], Expires = "0" });

        Assert.Equal(200, ok.StatusCode);
        Assert.Empty(ok.Contacts);
        Assert.Empty(harness.Bindings.Lookup("201"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("3600")]
    public async Task Wildcard_without_expires_zero_is_a_bad_request(string? expires)
    {
        await using var harness = await RegistrarHarness.StartAsync();
        await harness.RegisterAsync(Register);

        var response = await harness.RegisterAsync(Register with { CSeq = 3, Contacts = ["*"], Expires = expires });

        Assert.Equal(400, response.StatusCode);
        Assert.Single(harness.Bindings.Lookup("201"));
    }

    [Fact]
    public async Task Contact_expires_parameter_overrides_the_Expires_header()
    {
        await using var harness = await RegistrarHarness.StartAsync();

        var ok = await harness.RegisterAsync(Register with
        {
            Contacts = ["<sip:201@192.0.2.10:5060>;expires=120", "<sip:201@192.0.2.11:5060>"],
            Expires = "600",
        });

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(
            [("sip:201@192.0.2.11:5060", 600L), ("sip:201@192.0.2.10:5060", 120L)],
            RegistrarHarness.ContactsOf(ok).OrderByDescending(contact => contact.Expires));
    }

    [Fact]
    public async Task Contact_expires_zero_removes_only_that_contact()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        await harness.RegisterAsync(Register with { Contacts = ["<sip:201@192.0.2.10:5060>", "<sip:201@192.0.2.11:5060>"] });

        var ok = await harness.RegisterAsync(Register with { CSeq = 3, Contacts = ["<sip:201@192.0.2.10:5060>;expires=0"], Expires = "600" });

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal([("sip:201@192.0.2.11:5060", 3600L)], RegistrarHarness.ContactsOf(ok));
    }

    [Theory]
    [InlineData("30", null)]
    [InlineData("3600", "<sip:201@192.0.2.10:5060>;expires=59")]
    public async Task Interval_below_the_minimum_gets_423_with_Min_Expires(string expires, string? contact)
    {
        await using var harness = await RegistrarHarness.StartAsync();

        var response = await harness.RegisterAsync(Register with
        {
            Expires = expires,
            Contacts = contact is null ? Register.Contacts : [contact, "<sip:201@192.0.2.11:5060>"],
        });

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("Interval Too Brief", response.ReasonPhrase);
        Assert.Equal("60", response.Headers.GetFirst("Min-Expires"));
        Assert.Empty(harness.Bindings.Lookup("201"));
    }

    [Fact]
    public async Task Interval_above_the_maximum_is_shortened()
    {
        await using var harness = await RegistrarHarness.StartAsync();

        var ok = await harness.RegisterAsync(Register with { Expires = "86400" });

        Assert.Equal([("sip:201@192.0.2.10:5060", 7200L)], RegistrarHarness.ContactsOf(ok));
    }

    [Fact]
    public async Task Contact_without_any_interval_gets_the_default()
    {
        await using var harness = await RegistrarHarness.StartAsync(options => options.DefaultExpires = 1800);

        var ok = await harness.RegisterAsync(Register with { Expires = "soon" });

        Assert.Equal([("sip:201@192.0.2.10:5060", 1800L)], RegistrarHarness.ContactsOf(ok));
    }

    [Fact]
    public async Task Several_contacts_are_bound_and_looked_up_by_q_then_most_recent()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        await harness.RegisterAsync(Register with { Contacts = ["<sip:201@192.0.2.10:5060>;q=0.5", "<sip:201@192.0.2.11:5060>;q=0.9"] });
        harness.Time.Advance(TimeSpan.FromSeconds(10));

        var ok = await harness.RegisterAsync(Register with
        {
            CallId = "desk-phone@192.0.2.12",
            Contacts = ["<sip:201@192.0.2.12:5060>;q=0.5"],
        });

        Assert.Equal(3, ok.Contacts.Count);
        Assert.Equal(
            ["sip:201@192.0.2.11:5060", "sip:201@192.0.2.12:5060", "sip:201@192.0.2.10:5060"],
            harness.Bindings.Lookup("201").Select(binding => binding.Uri.ToString()));
        Assert.Equal("0.9", ok.Contacts.Single(contact => contact.UriText.EndsWith("11:5060", StringComparison.Ordinal)).Parameters.GetValue("q"));
    }

    [Fact]
    public async Task Register_without_contact_lists_the_current_bindings()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        await harness.RegisterAsync(Register with { Expires = "600" });
        harness.Time.Advance(TimeSpan.FromSeconds(100));

        var ok = await harness.RegisterAsync(Register with { CSeq = 3, Contacts = [] });

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal([("sip:201@192.0.2.10:5060", 500L)], RegistrarHarness.ContactsOf(ok));
        Assert.Equal(2u, Assert.Single(harness.Bindings.Lookup("201")).CSeq);
    }

    [Fact]
    public async Task Replayed_nonce_count_gets_a_stale_challenge()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        var challenge = Assert.Single(RegistrarHarness.Challenges(await harness.SendAsync(Register)));
        var credentials = new DigestClient("201", "secret201").Authorize(challenge, "REGISTER", RegisterRequest.RequestUri)!;
        Assert.Equal(200, (await harness.SendAsync(Register with { CSeq = 2, Authorization = credentials.ToString() })).StatusCode);

        // The same nonce and nc again, in a new request.
        var replay = await harness.SendAsync(Register with { CSeq = 3, Authorization = credentials.ToString(), Expires = "0" });

        Assert.Equal(401, replay.StatusCode);
        var stale = Assert.Single(RegistrarHarness.Challenges(replay));
        Assert.True(stale.Stale);
        Assert.NotEqual(challenge.Nonce, stale.Nonce);
        Assert.Single(harness.Bindings.Lookup("201"));
    }

    [Fact]
    public async Task Reused_nonce_with_a_higher_count_is_accepted()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        var client = new DigestClient("201", "secret201");
        var challenge = Assert.Single(RegistrarHarness.Challenges(await harness.SendAsync(Register)));
        var first = client.Authorize(challenge, "REGISTER", RegisterRequest.RequestUri)!;
        Assert.Equal(200, (await harness.SendAsync(Register with { CSeq = 2, Authorization = first.ToString() })).StatusCode);

        var second = client.Authorize(challenge, "REGISTER", RegisterRequest.RequestUri)!;
        var refresh = await harness.SendAsync(Register with { CSeq = 3, Authorization = second.ToString() });

        Assert.Equal(2u, second.NonceCount);
        Assert.Equal(200, refresh.StatusCode);
    }

    [Fact]
    public async Task Expired_nonce_with_the_right_password_gets_a_stale_challenge()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        var client = new DigestClient("201", "secret201");
        var challenge = Assert.Single(RegistrarHarness.Challenges(await harness.SendAsync(Register)));
        Assert.Equal(200, (await harness.SendAsync(Register with { CSeq = 2, Authorization = client.Authorize(challenge, "REGISTER", RegisterRequest.RequestUri)!.ToString() })).StatusCode);
        harness.Time.Advance(TimeSpan.FromMinutes(6));

        var refresh = await harness.SendAsync(Register with { CSeq = 3, Authorization = client.Authorize(challenge, "REGISTER", RegisterRequest.RequestUri)!.ToString() });

        Assert.Equal(401, refresh.StatusCode);
        Assert.True(Assert.Single(RegistrarHarness.Challenges(refresh)).Stale);
    }

    [Fact]
    public async Task Older_CSeq_in_the_same_Call_ID_is_refused_and_changes_nothing()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        await harness.RegisterAsync(Register with { CSeq = 10, Expires = "600" });

        // CSeq 11 was used by the 200 above; a request with CSeq 6 + 1 = 7 in the same Call-ID comes too late.
        var late = await harness.RegisterAsync(Register with { CSeq = 6, Expires = "0" });

        Assert.Equal(500, late.StatusCode);
        Assert.Equal(11u, Assert.Single(harness.Bindings.Lookup("201")).CSeq);
    }

    [Fact]
    public async Task Equal_CSeq_in_the_same_Call_ID_is_refused_but_another_Call_ID_may_use_any()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        await harness.RegisterAsync(Register with { CSeq = 10 });

        var same = await harness.RegisterAsync(Register with { CSeq = 10, Expires = "0" });
        var otherCallId = await harness.RegisterAsync(Register with { CallId = "other@192.0.2.10", CSeq = 1, Expires = "0" });

        Assert.Equal(500, same.StatusCode);
        Assert.Equal(200, otherCallId.StatusCode);
        Assert.Empty(harness.Bindings.Lookup("201"));
    }

    [Fact]
    public async Task Repeated_failures_lock_that_extension_out_from_that_address_for_a_while()
    {
        await using var harness = await RegistrarHarness.StartAsync(options =>
        {
            options.ExtensionFailureLimit = 3;
            options.FailureWindow = TimeSpan.FromMinutes(1);
            options.LockoutDuration = TimeSpan.FromMinutes(10);
        });
        var office = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.66"), 5060));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(401, (await harness.RegisterAsync(Register, new DigestClient("201", "guess" + i), office)).StatusCode);
        }

        // Locked out: no challenge, no lookup, and the right password does not help.
        var locked = await harness.SendAsync(Register, office);
        Assert.Equal(403, locked.StatusCode);
        Assert.Empty(locked.Headers.GetAll(SipHeaderNames.WwwAuthenticate));
        var lookups = harness.Credentials.Lookups;
        Assert.Equal(403, (await harness.SendAsync(Register with { Authorization = "Digest username=\"201\", realm=\"callmyway\", nonce=\"x\", uri=\"sip:10.0.0.1\", response=\"00\"" }, office)).StatusCode);
        Assert.Equal(lookups, harness.Credentials.Lookups);

        // Another phone behind the same address, and the same extension from elsewhere, are unaffected.
        Assert.Equal(200, (await harness.RegisterAsync(Register with { Extension = "202", CallId = "reg-202@office" }, office)).StatusCode);
        Assert.Equal(200, (await harness.RegisterAsync(Register)).StatusCode);

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(200, (await harness.RegisterAsync(Register with { CallId = "after@203.0.113.66" }, office)).StatusCode);
    }

    [Fact]
    public async Task Failures_across_many_extensions_lock_the_whole_address_out()
    {
        await using var harness = await RegistrarHarness.StartAsync(options =>
        {
            options.ExtensionFailureLimit = 10;
            options.AddressFailureLimit = 4;
        });
        var sprayer = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.99"), 5060));
        foreach (var extension in new[] { "201", "202", "203", "204" })
        {
            // One guess per extension, known or not: password spraying.
            var response = await harness.RegisterAsync(Register with { Extension = extension }, new DigestClient(extension, extension), sprayer);
            Assert.Equal(401, response.StatusCode);
        }

        Assert.Equal(403, (await harness.SendAsync(Register with { Extension = "202" }, sprayer)).StatusCode);
        Assert.Equal(200, (await harness.RegisterAsync(Register with { Extension = "202" })).StatusCode);
    }

    [Fact]
    public async Task Failures_spread_wider_than_the_window_do_not_lock_out()
    {
        await using var harness = await RegistrarHarness.StartAsync(options =>
        {
            options.ExtensionFailureLimit = 3;
            options.AddressFailureLimit = 3;
            options.FailureWindow = TimeSpan.FromMinutes(1);
        });
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(401, (await harness.RegisterAsync(Register, new DigestClient("201", "guess"))).StatusCode);
            harness.Time.Advance(TimeSpan.FromSeconds(31));
        }

        Assert.Equal(200, (await harness.RegisterAsync(Register)).StatusCode);
    }

    [Fact]
    public async Task Lockout_can_be_turned_off()
    {
        await using var harness = await RegistrarHarness.StartAsync(options =>
        {
            options.ExtensionFailureLimit = 0;
            options.AddressFailureLimit = 0;
        });
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(401, (await harness.RegisterAsync(Register, new DigestClient("201", "guess"))).StatusCode);
        }

        Assert.Equal(200, (await harness.RegisterAsync(Register)).StatusCode);
    }

    [Fact]
    public async Task Binding_remembers_where_the_register_really_came_from()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        var natted = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("198.51.100.7"), 34567));

        await harness.RegisterAsync(Register with { Contacts = ["<sip:201@192.168.1.20:5060>"] }, natted);

        var binding = Assert.Single(harness.Bindings.Lookup("201"));
        Assert.Equal("192.168.1.20", binding.Uri.Host);
        Assert.Equal(natted, binding.ReceivedFrom);
        Assert.Equal(new SipEndPoint(SipTransportKind.Udp, RegistrarTestTransport.LocalAddress), binding.LocalEndPoint);
    }

    [Fact]
    public async Task Register_over_tcp_keeps_the_connection_it_came_on()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        var tcp = new SipEndPoint(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse("198.51.100.7"), 40001), ConnectionId: 42);

        Assert.Equal(200, (await harness.RegisterAsync(Register, tcp)).StatusCode);

        Assert.Equal(tcp, Assert.Single(harness.Bindings.Lookup("201")).ReceivedFrom);
    }

    [Fact]
    public async Task Phone_moving_to_a_new_source_address_updates_the_binding()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        var changes = new List<BindingsChangedEventArgs>();
        harness.Bindings.BindingsChanged += (_, change) => changes.Add(change);
        var moved = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("198.51.100.7"), 40002));
        await harness.RegisterAsync(Register);

        await harness.RegisterAsync(Register with { CSeq = 3 }, moved);

        Assert.Equal(moved, Assert.Single(harness.Bindings.Lookup("201")).ReceivedFrom);
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public async Task Too_many_contacts_replace_the_longest_unrefreshed_binding()
    {
        await using var harness = await RegistrarHarness.StartAsync(options => options.MaxContactsPerExtension = 2);
        await harness.RegisterAsync(Register with { CallId = "a@x", Contacts = ["<sip:201@192.0.2.10:5001>"] });
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.RegisterAsync(Register with { CallId = "b@x", Contacts = ["<sip:201@192.0.2.10:5002>"] });
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        var ok = await harness.RegisterAsync(Register with { CallId = "c@x", Contacts = ["<sip:201@192.0.2.10:5003>"] });

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(
            ["sip:201@192.0.2.10:5003", "sip:201@192.0.2.10:5002"],
            harness.Bindings.Lookup("201").Select(binding => binding.Uri.ToString()));
    }

    [Fact]
    public async Task Register_listing_more_contacts_than_allowed_is_forbidden()
    {
        await using var harness = await RegistrarHarness.StartAsync(options => options.MaxContactsPerExtension = 2);

        var response = await harness.RegisterAsync(Register with
        {
            Contacts = ["<sip:201@192.0.2.10:5001>", "<sip:201@192.0.2.10:5002>", "<sip:201@192.0.2.10:5003>"],
        });

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(harness.Bindings.Lookup("201"));
    }

    [Fact]
    public async Task Required_extension_is_refused_with_420_naming_it()
    {
        await using var harness = await RegistrarHarness.StartAsync();

        var response = await harness.SendAsync(Register with { ExtraHeaders = "Require: gruu\r\n" });

        Assert.Equal(420, response.StatusCode);
        Assert.Equal("gruu", response.Headers.GetFirst(SipHeaderNames.Unsupported));
    }

    [Fact]
    public async Task Contact_that_is_not_a_SIP_URI_is_a_bad_request()
    {
        await using var harness = await RegistrarHarness.StartAsync();

        var response = await harness.RegisterAsync(Register with { Contacts = ["<tel:+5215512345678>"] });

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(harness.Bindings.Snapshot());
    }

    [Fact]
    public async Task Bindings_changed_is_raised_on_register_and_unregister_but_not_on_refresh()
    {
        await using var harness = await RegistrarHarness.StartAsync();
        var changes = new List<BindingsChangedEventArgs>();
        harness.Bindings.BindingsChanged += (_, change) => changes.Add(change);

        await harness.RegisterAsync(Register);
        await harness.RegisterAsync(Register with { CSeq = 3 });
        await harness.RegisterAsync(Register with { CSeq = 5, Expires = "0" });

        Assert.Equal(["201", "201"], changes.Select(change => change.Extension));
        Assert.Single(changes[0].Bindings);
        Assert.Empty(changes[1].Bindings);
    }
}
