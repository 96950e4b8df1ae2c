using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CallMyWay.Voice.Telephony.Sip.Auth;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Auth;

public sealed class DigestServerTests
{
    private const string Realm = "callmyway.test";
    private const string RegistrarUri = "sip:callmyway.test";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string> _passwords = new() { ["1001"] = "agent-secret", ["1002"] = "other" };

    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    [InlineData("SHA-512-256")]
    [InlineData("MD5-sess")]
    [InlineData("SHA-256-sess")]
    public void Client_answer_to_server_challenge_is_accepted(string algorithmName)
    {
        Assert.True(DigestAlgorithm.TryParse(algorithmName, out var algorithm));
        var server = NewServer();
        var challenge = RoundTrip(server.CreateChallenge(algorithm));

        var credentials = new DigestClient("1001", "agent-secret").Authorize(challenge, "REGISTER", RegistrarUri);
        var verification = Verify(server, credentials, "REGISTER", RegistrarUri);

        Assert.Equal(new DigestVerification(DigestVerificationOutcome.Success, "1001"), verification);
        Assert.True(verification.Succeeded);
    }

    [Fact]
    public void Challenges_offer_SHA_256_then_MD5_with_one_nonce_and_qop_auth()
    {
        var challenges = NewServer().CreateChallenges();

        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], challenges.Select(c => c.Algorithm));
        Assert.Equal(challenges[0].Nonce, challenges[1].Nonce);
        Assert.All(challenges, c => Assert.Equal(["auth"], c.QopOptions));
        Assert.All(challenges, c => Assert.False(c.Stale));
        Assert.All(challenges, c => Assert.Equal(Realm, c.Realm));
        Assert.Matches("^[A-Za-z0-9_-]{54}$", challenges[0].Nonce);
        Assert.Equal(
            $"Digest realm=\"{Realm}\", nonce=\"{challenges[0].Nonce}\", algorithm=SHA-256, qop=\"auth\"",
            challenges[0].ToString());
    }

    [Fact]
    public void Challenges_follow_the_configured_algorithms()
    {
        var server = NewServer();

        var md5Only = server.CreateChallenges([DigestAlgorithm.Md5], stale: true);
        var both = server.CreateChallenges([DigestAlgorithm.Md5, DigestAlgorithm.Sha256]);

        Assert.Equal([DigestAlgorithm.Md5], md5Only.Select(c => c.Algorithm));
        Assert.True(md5Only[0].Stale);
        Assert.Equal([DigestAlgorithm.Md5, DigestAlgorithm.Sha256], both.Select(c => c.Algorithm));
        Assert.Equal(both[0].Nonce, both[1].Nonce);
        Assert.Throws<ArgumentException>(() => server.CreateChallenges([]));
    }

    [Fact]
    public void Every_challenge_has_a_new_nonce()
    {
        var server = NewServer();

        var nonces = Enumerable.Range(0, 100).Select(_ => server.CreateChallenge(DigestAlgorithm.Md5).Nonce).ToHashSet();

        Assert.Equal(100, nonces.Count);
    }

    [Fact]
    public void Client_picks_SHA_256_from_the_server_challenges()
    {
        var server = NewServer();
        var challenges = server.CreateChallenges().Select(c => RoundTrip(c)).ToList();

        var credentials = new DigestClient("1001", "agent-secret").Authorize(challenges, "REGISTER", RegistrarUri);

        Assert.Same(DigestAlgorithm.Sha256, credentials?.Algorithm);
        Assert.True(Verify(server, credentials, "REGISTER", RegistrarUri).Succeeded);
    }

    [Fact]
    public void Wrong_password_is_refused()
    {
        var server = NewServer();
        var challenge = server.CreateChallenge(DigestAlgorithm.Sha256);

        var credentials = new DigestClient("1001", "guess").Authorize(challenge, "REGISTER", RegistrarUri);

        Assert.Equal(DigestVerificationOutcome.BadResponse, Verify(server, credentials, "REGISTER", RegistrarUri).Outcome);
    }

    [Fact]
    public void Response_for_another_method_is_refused()
    {
        var server = NewServer();
        var credentials = Answer(server, "1001", "agent-secret", "REGISTER");

        Assert.Equal(DigestVerificationOutcome.BadResponse, Verify(server, credentials, "INVITE").Outcome);
    }

    [Fact]
    public void Unknown_user_is_refused_without_checking_the_response()
    {
        var server = NewServer();
        var credentials = Answer(server, "9999", "agent-secret");

        var verification = Verify(server, credentials, "REGISTER");

        Assert.Equal(new DigestVerification(DigestVerificationOutcome.UnknownUser, "9999"), verification);
        Assert.False(verification.Succeeded);
    }

    [Fact]
    public void Nonce_from_another_server_is_refused()
    {
        var other = new DigestServer(Realm, _time);
        var credentials = Answer(other, "1001", "agent-secret");

        Assert.Equal(DigestVerificationOutcome.InvalidNonce, Verify(NewServer(), credentials, "REGISTER").Outcome);
    }

    [Fact]
    public void Nonce_from_the_same_key_but_another_realm_is_refused()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var other = new DigestServer("other.test", _time, key);
        var challenge = other.CreateChallenge(DigestAlgorithm.Md5);
        var forged = new DigestChallenge { Realm = Realm, Nonce = challenge.Nonce, QopOptions = ["auth"] };
        var credentials = new DigestClient("1001", "agent-secret").Authorize(forged, "REGISTER", RegistrarUri);

        Assert.Equal(DigestVerificationOutcome.InvalidNonce, Verify(new DigestServer(Realm, _time, key), credentials, "REGISTER").Outcome);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    public void Garbage_nonce_is_refused(string nonce)
    {
        var server = NewServer();
        var forged = new DigestChallenge { Realm = Realm, Nonce = nonce, QopOptions = ["auth"] };
        var credentials = new DigestClient("1001", "agent-secret").Authorize(forged, "REGISTER", RegistrarUri);

        Assert.Equal(DigestVerificationOutcome.InvalidNonce, Verify(server, credentials, "REGISTER").Outcome);
    }

    [Fact]
    public void Nonce_with_a_forged_issue_time_is_refused()
    {
        var server = NewServer();
        var genuine = server.CreateChallenge(DigestAlgorithm.Sha256);
        _time.Advance(TimeSpan.FromHours(1));

        // Move the issue time forward to make an expired nonce look fresh; the MAC no longer matches.
        var bytes = Base64Url.DecodeFromChars(genuine.Nonce);
        BinaryPrimitives.WriteInt64BigEndian(bytes, _time.GetUtcNow().UtcTicks);
        var forged = new DigestChallenge
        {
            Realm = Realm,
            Nonce = Base64Url.EncodeToString(bytes),
            Algorithm = DigestAlgorithm.Sha256,
            QopOptions = ["auth"],
        };
        var credentials = new DigestClient("1001", "agent-secret").Authorize(forged, "REGISTER", RegistrarUri);

        Assert.Equal(DigestVerificationOutcome.InvalidNonce, Verify(server, credentials, "REGISTER").Outcome);
    }

    [Fact]
    public void Nonce_is_accepted_until_its_lifetime_is_over()
    {
        var server = NewServer();
        var challenge = server.CreateChallenge(DigestAlgorithm.Sha256);
        _time.Advance(TimeSpan.FromMinutes(5));

        var credentials = new DigestClient("1001", "agent-secret").Authorize(challenge, "REGISTER", RegistrarUri);

        Assert.True(Verify(server, credentials, "REGISTER").Succeeded);
    }

    [Fact]
    public void Expired_nonce_is_stale_and_the_rechallenge_says_so()
    {
        var server = NewServer();
        var client = new DigestClient("1001", "agent-secret");
        var challenge = server.CreateChallenge(DigestAlgorithm.Sha256);
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromTicks(1));

        var verification = Verify(server, client.Authorize(challenge, "REGISTER", RegistrarUri), "REGISTER");

        Assert.Equal(DigestVerificationOutcome.StaleNonce, verification.Outcome);
        Assert.True(verification.ShouldChallengeStale);

        var rechallenges = server.CreateChallenges(stale: verification.ShouldChallengeStale);
        Assert.Contains("stale=TRUE", rechallenges[0].ToString(), StringComparison.Ordinal);
        var parsed = rechallenges.Select(c => RoundTrip(c)).ToList();
        Assert.All(parsed, c => Assert.True(c.Stale));
        Assert.True(Verify(server, client.Authorize(parsed, "REGISTER", RegistrarUri), "REGISTER").Succeeded);
    }

    [Fact]
    public void Expired_nonce_with_a_wrong_password_is_a_bad_response_not_stale()
    {
        var server = NewServer();
        var challenge = server.CreateChallenge(DigestAlgorithm.Sha256);
        _time.Advance(TimeSpan.FromMinutes(10));

        var credentials = new DigestClient("1001", "guess").Authorize(challenge, "REGISTER", RegistrarUri);

        Assert.Equal(DigestVerificationOutcome.BadResponse, Verify(server, credentials, "REGISTER").Outcome);
    }

    [Fact]
    public void Nonce_lifetime_is_configurable()
    {
        var server = new DigestServer(Realm, _time, nonceLifetime: TimeSpan.FromSeconds(30));
        var challenge = server.CreateChallenge(DigestAlgorithm.Md5);
        _time.Advance(TimeSpan.FromSeconds(31));

        var credentials = new DigestClient("1001", "agent-secret").Authorize(challenge, "REGISTER", RegistrarUri);

        Assert.Equal(DigestVerificationOutcome.StaleNonce, Verify(server, credentials, "REGISTER").Outcome);
    }

    [Fact]
    public void Replayed_request_is_refused()
    {
        var server = NewServer();
        var credentials = Answer(server, "1001", "agent-secret");

        var first = Verify(server, credentials, "REGISTER");
        var replay = Verify(server, Reparse(credentials), "REGISTER");

        Assert.True(first.Succeeded);
        Assert.Equal(DigestVerificationOutcome.Replay, replay.Outcome);
        Assert.True(replay.ShouldChallengeStale);
    }

    [Fact]
    public void Increasing_nonce_counts_are_accepted_and_an_old_one_is_refused()
    {
        var server = NewServer();
        var client = new DigestClient("1001", "agent-secret");
        var challenge = server.CreateChallenge(DigestAlgorithm.Sha256);
        var one = client.Authorize(challenge, "REGISTER", RegistrarUri);
        var two = client.Authorize(challenge, "REGISTER", RegistrarUri);
        var three = client.Authorize(challenge, "REGISTER", RegistrarUri);

        Assert.True(Verify(server, one, "REGISTER").Succeeded);
        Assert.True(Verify(server, three, "REGISTER").Succeeded);
        Assert.Equal(DigestVerificationOutcome.Replay, Verify(server, two, "REGISTER").Outcome);
        Assert.Equal(DigestVerificationOutcome.Replay, Verify(server, three, "REGISTER").Outcome);
    }

    [Fact]
    public void Nonce_counts_are_tracked_per_user()
    {
        var server = NewServer();
        var challenge = server.CreateChallenge(DigestAlgorithm.Sha256);

        var alice = new DigestClient("1001", "agent-secret").Authorize(challenge, "REGISTER", RegistrarUri);
        var bob = new DigestClient("1002", "other").Authorize(challenge, "REGISTER", RegistrarUri);

        Assert.True(Verify(server, alice, "REGISTER").Succeeded);
        Assert.True(Verify(server, bob, "REGISTER").Succeeded);
    }

    [Fact]
    public void Nonce_without_qop_is_good_for_one_request_only()
    {
        var server = NewServer();
        var offered = server.CreateChallenge(DigestAlgorithm.Md5);

        // An RFC 2069 phone ignores qop.
        var legacy = new DigestChallenge { Realm = offered.Realm, Nonce = offered.Nonce };
        var client = new DigestClient("1001", "agent-secret");
        var first = client.Authorize(legacy, "REGISTER", RegistrarUri);
        var second = client.Authorize(legacy, "REGISTER", RegistrarUri);

        Assert.Null(first?.Qop);
        Assert.True(Verify(server, first, "REGISTER").Succeeded);
        Assert.Equal(DigestVerificationOutcome.Replay, Verify(server, second, "REGISTER").Outcome);
    }

    [Fact]
    public void Forged_high_nonce_count_does_not_lock_out_the_user()
    {
        var server = NewServer();
        var challenge = server.CreateChallenge(DigestAlgorithm.Sha256);
        var attacker = new DigestCredentials
        {
            Username = "1001",
            Realm = Realm,
            Nonce = challenge.Nonce,
            Uri = RegistrarUri,
            Response = new string('0', 64),
            Algorithm = DigestAlgorithm.Sha256,
            ClientNonce = "x",
            Qop = "auth",
            NonceCount = uint.MaxValue,
        };

        Assert.Equal(DigestVerificationOutcome.BadResponse, Verify(server, attacker, "REGISTER").Outcome);
        var genuine = new DigestClient("1001", "agent-secret").Authorize(challenge, "REGISTER", RegistrarUri);
        Assert.True(Verify(server, genuine, "REGISTER").Succeeded);
    }

    [Fact]
    public void Nonce_count_zero_is_refused()
    {
        var server = NewServer();
        var challenge = server.CreateChallenge(DigestAlgorithm.Md5);
        var credentials = WithResponse(
            new DigestCredentials
            {
                Username = "1001",
                Realm = Realm,
                Nonce = challenge.Nonce,
                Uri = RegistrarUri,
                Response = string.Empty,
                ClientNonce = "c",
                Qop = "auth",
                NonceCount = 0,
            },
            "agent-secret",
            "REGISTER");

        Assert.Equal(DigestVerificationOutcome.Replay, Verify(server, credentials, "REGISTER").Outcome);
    }

    [Fact]
    public void Other_realm_is_refused()
    {
        var server = NewServer();
        var challenge = server.CreateChallenge(DigestAlgorithm.Md5);
        var other = new DigestChallenge { Realm = "trunk.test", Nonce = challenge.Nonce, QopOptions = ["auth"] };
        var credentials = new DigestClient("1001", "agent-secret").Authorize(other, "REGISTER", RegistrarUri);

        Assert.Equal(DigestVerificationOutcome.RealmMismatch, Verify(server, credentials, "REGISTER").Outcome);
    }

    [Theory]
    [InlineData("sip:1001@callmyway.test", "sip:1001@callmyway.test", true)]
    [InlineData("sip:1001@callmyway.test", "SIP:1001@CallMyWay.TEST", true)]
    [InlineData("sip:callmyway.test;transport=udp", "sip:CALLMYWAY.test;transport=UDP", true)]
    [InlineData("sip:Alice@callmyway.test", "sip:alice@callmyway.test", false)]
    [InlineData("sip:1001@callmyway.test", "sip:1002@callmyway.test", false)]
    [InlineData("sip:1001@callmyway.test", "sip:1001@other.test", false)]
    [InlineData("sip:127.0.0.1:5070", "sip:1000@127.0.0.1:5070", false)]
    [InlineData("sip:1001@callmyway.test", "sips:1001@callmyway.test", false)]
    public void Digest_uri_must_match_the_request_uri_when_asked(string digestUri, string requestUri, bool matches)
    {
        var server = NewServer();
        var challenge = server.CreateChallenge(DigestAlgorithm.Md5);
        var credentials = new DigestClient("1001", "agent-secret").Authorize(challenge, "INVITE", digestUri);

        var outcome = Verify(server, credentials, "INVITE", requestUri).Outcome;

        Assert.Equal(matches ? DigestVerificationOutcome.Success : DigestVerificationOutcome.UriMismatch, outcome);
    }

    [Fact]
    public void Stored_HA1_per_algorithm_verifies_like_the_password()
    {
        var server = NewServer();
        var stored = new Dictionary<DigestAlgorithm, string>
        {
            [DigestAlgorithm.Md5] = DigestAlgorithm.Md5.ComputeHa1("1001", Realm, "agent-secret").ToUpperInvariant(),
            [DigestAlgorithm.Sha256] = DigestAlgorithm.Sha256.ComputeHa1("1001", Realm, "agent-secret"),
        };
        DigestSecret? Lookup(string user, string realm, DigestAlgorithm algorithm) =>
            user == "1001" && realm == Realm && stored.TryGetValue(algorithm, out var ha1) ? DigestSecret.FromHa1(ha1) : null;

        foreach (var algorithm in stored.Keys)
        {
            var challenge = server.CreateChallenge(algorithm);
            var good = new DigestClient("1001", "agent-secret").Authorize(challenge, "REGISTER", RegistrarUri)!;
            var bad = new DigestClient("1001", "guess").Authorize(challenge, "REGISTER", RegistrarUri)!;

            Assert.Equal(DigestVerificationOutcome.BadResponse, server.Verify(bad, "REGISTER", Lookup).Outcome);
            Assert.Equal(DigestVerificationOutcome.Success, server.Verify(good, "REGISTER", Lookup).Outcome);
        }
    }

    [Fact]
    public void Stored_HA1_of_the_wrong_algorithm_is_a_host_bug()
    {
        var server = NewServer();
        var ha1 = DigestAlgorithm.Md5.ComputeHa1("1001", Realm, "agent-secret");
        var credentials = Answer(server, "1001", "agent-secret", algorithm: DigestAlgorithm.Sha256);

        Assert.Throws<InvalidOperationException>(() => server.Verify(credentials, "REGISTER", (_, _, _) => DigestSecret.FromHa1(ha1)));
        Assert.Throws<ArgumentException>(() => DigestSecret.FromHa1("not hex"));
    }

    [Fact]
    public void Lookup_is_not_called_for_a_forged_nonce_or_another_realm()
    {
        var server = NewServer();
        var calls = 0;
        DigestSecret? Lookup(string user, string realm, DigestAlgorithm algorithm)
        {
            calls++;
            return DigestSecret.FromPassword("agent-secret");
        }

        var forged = new DigestChallenge { Realm = Realm, Nonce = "forged", QopOptions = ["auth"] };
        var otherRealm = new DigestChallenge { Realm = "x", Nonce = server.CreateChallenge(DigestAlgorithm.Md5).Nonce };
        var client = new DigestClient("1001", "agent-secret");
        server.Verify(client.Authorize(forged, "REGISTER", RegistrarUri)!, "REGISTER", Lookup);
        server.Verify(client.Authorize(otherRealm, "REGISTER", RegistrarUri)!, "REGISTER", Lookup);

        Assert.Equal(0, calls);
    }

    [Fact]
    public void Response_with_uppercase_hex_is_accepted()
    {
        var server = NewServer();
        var credentials = Answer(server, "1001", "agent-secret");
        var shouted = Reparse(credentials, credentials.ToString().Replace(credentials.Response, credentials.Response.ToUpperInvariant(), StringComparison.Ordinal));

        Assert.True(Verify(server, shouted, "REGISTER").Succeeded);
    }

    [Fact]
    public void Response_hashed_over_an_uppercase_nonce_count_is_accepted()
    {
        var server = NewServer();
        var challenge = server.CreateChallenge(DigestAlgorithm.Md5);
        var ha1 = Md5Hex($"1001:{Realm}:agent-secret");
        var ha2 = Md5Hex($"REGISTER:{RegistrarUri}");
        var response = Md5Hex($"{ha1}:{challenge.Nonce}:0000000A:c1:auth:{ha2}");
        var value = $"Digest username=\"1001\", realm=\"{Realm}\", nonce=\"{challenge.Nonce}\", uri=\"{RegistrarUri}\", "
            + $"response=\"{response}\", qop=auth, nc=0000000A, cnonce=\"c1\"";

        Assert.True(DigestCredentials.TryParse(value, out var credentials, out _));
        Assert.True(Verify(server, credentials, "REGISTER").Succeeded);
    }

    [Fact]
    public void Sipp_authorization_for_a_server_nonce_is_accepted()
    {
        // Our UAS challenging sipp's uac_auth.xml: sipp answers with uri="sip:<our ip>:<our port>" and no spaces.
        var server = new DigestServer("trunk.test", _time);
        var nonce = server.CreateChallenge(DigestAlgorithm.Md5).Nonce;
        const string uri = "sip:127.0.0.1:5060";
        var ha1 = Md5Hex("trunkuser:trunk.test:s3cret");
        var ha2 = Md5Hex($"INVITE:{uri}");
        var response = Md5Hex($"{ha1}:{nonce}:00000001:6b8b4567:auth:{ha2}");
        var value = $"Digest username=\"trunkuser\",realm=\"trunk.test\",cnonce=\"6b8b4567\",nc=00000001,qop=auth,"
            + $"uri=\"{uri}\",nonce=\"{nonce}\",response=\"{response}\",algorithm=MD5";
        static DigestSecret? Lookup(string user, string realm, DigestAlgorithm algorithm) =>
            user == "trunkuser" ? DigestSecret.FromPassword("s3cret") : null;

        Assert.True(DigestCredentials.TryParse(value, out var credentials, out _));

        Assert.Equal(DigestVerificationOutcome.Success, server.Verify(credentials, "INVITE", Lookup).Outcome);
        Assert.Equal(DigestVerificationOutcome.Replay, server.Verify(credentials, "INVITE", Lookup).Outcome);
        Assert.Equal(
            DigestVerificationOutcome.UriMismatch,
            server.Verify(credentials, "INVITE", Lookup, requestUri: "sip:1000@127.0.0.1:5060").Outcome);
    }

    [Fact]
    public void Auth_int_covers_the_body()
    {
        var server = NewServer();
        var offered = server.CreateChallenge(DigestAlgorithm.Sha256);
        var challenge = new DigestChallenge
        {
            Realm = offered.Realm,
            Nonce = offered.Nonce,
            Algorithm = offered.Algorithm,
            QopOptions = ["auth-int"],
        };
        var client = new DigestClient("1001", "agent-secret");
        var body = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n"u8.ToArray();
        var credentials = client.Authorize(challenge, "INVITE", RegistrarUri, body)!;
        var tampered = client.Authorize(challenge, "INVITE", RegistrarUri, body)!;
        var lookup = Lookup;

        Assert.Equal(DigestVerificationOutcome.Success, server.Verify(credentials, "INVITE", lookup, body: body).Outcome);
        Assert.Equal(DigestVerificationOutcome.BadResponse, server.Verify(tampered, "INVITE", lookup, body: "v=1\r\n"u8).Outcome);
    }

    [Fact]
    public async Task Async_lookup_verifies_like_the_sync_one()
    {
        var server = NewServer();
        var credentials = Answer(server, "1001", "agent-secret");
        var lookups = 0;

        var verification = await server.VerifyAsync(
            credentials,
            "REGISTER",
            async (user, realm, algorithm, cancellationToken) =>
            {
                await Task.Yield();
                lookups++;
                return _passwords.TryGetValue(user, out var password) ? DigestSecret.FromPassword(password) : null;
            },
            RegistrarUri);

        Assert.True(verification.Succeeded);
        Assert.Equal(1, lookups);
    }

    [Fact]
    public void Used_nonces_leave_the_replay_table_when_they_expire()
    {
        var server = NewServer();
        Assert.True(Verify(server, Answer(server, "1001", "agent-secret"), "REGISTER").Succeeded);
        Assert.True(Verify(server, Answer(server, "1002", "other"), "REGISTER").Succeeded);
        Assert.Equal(2, server.TrackedNonceCount);

        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(Verify(server, Answer(server, "1001", "agent-secret"), "REGISTER").Succeeded);

        Assert.Equal(1, server.TrackedNonceCount);
    }

    [Fact]
    public void Full_replay_table_forgets_the_oldest_nonces_and_treats_them_as_stale()
    {
        var server = new DigestServer(Realm, _time, replayTableCapacity: 2);
        var client = new DigestClient("1001", "agent-secret");
        var challenges = new List<DigestChallenge>();
        for (var i = 0; i < 3; i++)
        {
            challenges.Add(server.CreateChallenge(DigestAlgorithm.Sha256));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = client.Authorize(challenges[0], "REGISTER", RegistrarUri);
        Assert.True(Verify(server, first, "REGISTER").Succeeded);
        Assert.True(Verify(server, client.Authorize(challenges[1], "REGISTER", RegistrarUri), "REGISTER").Succeeded);
        Assert.True(Verify(server, client.Authorize(challenges[2], "REGISTER", RegistrarUri), "REGISTER").Succeeded);

        Assert.Equal(2, server.TrackedNonceCount);

        // The first nonce's state is gone, so neither a replay nor a next nc may pass: both must fetch a new nonce.
        Assert.Equal(DigestVerificationOutcome.StaleNonce, Verify(server, first, "REGISTER").Outcome);
        Assert.Equal(
            DigestVerificationOutcome.StaleNonce,
            Verify(server, client.Authorize(challenges[0], "REGISTER", RegistrarUri), "REGISTER").Outcome);
        Assert.True(Verify(server, client.Authorize(challenges[2], "REGISTER", RegistrarUri), "REGISTER").Succeeded);
    }

    [Fact]
    public void Concurrent_verifications_are_each_accepted_once()
    {
        var server = NewServer();
        var client = new DigestClient("1001", "agent-secret");
        var credentials = Enumerable.Range(0, 400)
            .Select(_ => client.Authorize(server.CreateChallenge(DigestAlgorithm.Sha256), "REGISTER", RegistrarUri)!)
            .ToArray();

        // Every request arrives twice, in parallel: exactly one of each pair may pass.
        var outcomes = credentials.Concat(credentials)
            .AsParallel()
            .Select(c => (c.Nonce, server.Verify(c, "REGISTER", Lookup).Outcome))
            .ToList();

        Assert.All(
            outcomes.GroupBy(o => o.Nonce),
            pair => Assert.Equal(
                [DigestVerificationOutcome.Success, DigestVerificationOutcome.Replay],
                pair.Select(o => o.Outcome).Order()));
    }

    [Fact]
    public void Constructor_refuses_a_short_key_and_bad_settings()
    {
        Assert.Throws<ArgumentException>(() => new DigestServer(Realm, _time, new byte[8]));
        Assert.Throws<ArgumentException>(() => new DigestServer(string.Empty, _time));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DigestServer(Realm, _time, nonceLifetime: TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DigestServer(Realm, _time, replayTableCapacity: 0));
    }

    [Fact]
    public void Servers_sharing_a_key_accept_each_others_nonces()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var issuer = new DigestServer(Realm, _time, key);
        var verifier = new DigestServer(Realm, _time, key);

        Assert.True(Verify(verifier, Answer(issuer, "1001", "agent-secret"), "REGISTER").Succeeded);
    }

    private DigestServer NewServer() => new(Realm, _time);

    private DigestSecret? Lookup(string username, string realm, DigestAlgorithm algorithm) =>
        realm == Realm && _passwords.TryGetValue(username, out var password) ? DigestSecret.FromPassword(password) : null;

    private DigestVerification Verify(DigestServer server, DigestCredentials? credentials, string method, string? requestUri = null)
    {
        Assert.NotNull(credentials);
        return server.Verify(Reparse(credentials), method, Lookup, requestUri);
    }

    private static DigestCredentials Answer(
        DigestServer server,
        string username,
        string password,
        string method = "REGISTER",
        DigestAlgorithm? algorithm = null)
    {
        var challenge = server.CreateChallenge(algorithm ?? DigestAlgorithm.Sha256);
        return new DigestClient(username, password).Authorize(challenge, method, RegistrarUri)!;
    }

    // What crosses the wire is text: verify what parsing the formatted header gives.
    private static DigestCredentials Reparse(DigestCredentials credentials, string? value = null)
    {
        Assert.True(DigestCredentials.TryParse(value ?? credentials.ToString(), out var parsed, out var error), error.ToString());
        return parsed;
    }

    private static DigestChallenge RoundTrip(DigestChallenge challenge) => DigestClientTests.Parse(challenge.ToString());

    private static DigestCredentials WithResponse(DigestCredentials credentials, string password, string method) => new()
    {
        Username = credentials.Username,
        Realm = credentials.Realm,
        Nonce = credentials.Nonce,
        Uri = credentials.Uri,
        Response = DigestCredentialsTests.ResponseFor(credentials, password, method),
        Algorithm = credentials.Algorithm,
        ClientNonce = credentials.ClientNonce,
        Qop = credentials.Qop,
        NonceCount = credentials.NonceCount,
    };

#pragma warning disable CA5351 // MD5 is what the peers being imitated compute.
    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
