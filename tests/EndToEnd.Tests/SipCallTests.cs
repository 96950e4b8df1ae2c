using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>The real service answering real sipp callers on 127.0.0.1: the contract's SIP behaviour and the IVR.</summary>
public sealed class SipCallTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const string MexicoDid = "525541708422";
    private const string UsDid = "+13056445535";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private ServiceProcess Service => fixture.Service;

    [Fact]
    public async Task A_call_to_a_did_is_answered_with_sdp_and_the_caller_hangs_up()
    {
        var result = await Sipp.CallAsync(Service, Path.Combine(Sipp.ScenarioFolder, "uac_basic.xml"), MexicoDid, "15550000001", Limit, "-d", "2000");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SIP/2.0 180 Ringing", result.Messages, StringComparison.Ordinal);
        Assert.Contains("m=audio", result.Messages, StringComparison.Ordinal);
        Assert.Contains("telephone-event/8000", result.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_that_moves_its_media_with_an_update_offer_gets_an_answer_in_the_200()
    {
        var result = await Sipp.CallAsync(Service, Path.Combine(Sipp.ScenarioFolder, "uac_update.xml"), MexicoDid, "15550000009", Limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("CSeq: 2 UPDATE", result.Messages, StringComparison.Ordinal);
        Assert.DoesNotContain("SIP/2.0 405", result.Messages, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rfc4733", "15550000002")]
    [InlineData("info", "15550000003")]
    public async Task Pressing_1_reports_an_incident_and_the_case_is_saved_before_the_desk_hangs_up(string mode, string caller)
    {
        // 1 incident · 101# extension · 1 inbound · 5512345678# counterpart · # now · 3 whole company · 1 not working.
        var scenario = await Sipp.GenerateCallerAsync(Service.DataFolder, mode, "1101#15512345678##31", holdMs: 45000, caller);

        var result = await Sipp.CallAsync(Service, scenario, MexicoDid, caller, Limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("BYE sip:", result.Messages, StringComparison.Ordinal);
        using var api = await Service.AdminClientAsync();
        var cases = await api.GetFromJsonAsync<JsonElement>($"/api/cases?caller={caller}");
        var saved = Assert.Single(cases.EnumerateArray());
        Assert.Equal("incident", saved.GetProperty("kind").GetString());
        Assert.Equal("phone", saved.GetProperty("channel").GetString());
        Assert.Equal("+525541708422", saved.GetProperty("did").GetString());
        Assert.Equal("MX", saved.GetProperty("country").GetString());
        Assert.Equal("S1", saved.GetProperty("severity").GetString());
        Assert.Equal("open", saved.GetProperty("status").GetString());
        var details = saved.GetProperty("details");
        Assert.Equal("101", details.GetProperty("extension").GetString());
        Assert.Equal("inbound", details.GetProperty("direction").GetString());
        Assert.Equal("5512345678", details.GetProperty("counterpartNumber").GetString());
        Assert.Empty(saved.GetProperty("missingInfo").EnumerateArray());
    }

    [Fact]
    public async Task A_call_to_an_unknown_number_gets_404()
    {
        var result = await Sipp.CallAsync(Service, Path.Combine(Sipp.ScenarioFolder, "uac_expect_reject.xml"), "999999", "15550000004", Limit, "-recv_timeout", "5000");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("FINAL 404", result.ScenarioLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_without_a_common_codec_gets_488()
    {
        var result = await Sipp.CallAsync(Service, Path.Combine(Sipp.ScenarioFolder, "uac_g729_only.xml"), UsDid, "15550000005", Limit, "-recv_timeout", "5000");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("FINAL 488", result.ScenarioLog, StringComparison.Ordinal);
        Assert.Contains("G729", result.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_it_rings_gets_487()
    {
        var result = await Sipp.CallAsync(Service, Path.Combine(Sipp.ScenarioFolder, "uac_cancel.xml"), MexicoDid, "15550000006", Limit, "-d", "200");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SIP/2.0 487", result.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_get_200_unknown_methods_501_and_garbage_does_not_stop_the_service()
    {
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var service = new IPEndPoint(IPAddress.Loopback, Service.SipPort);
        var random = new Random(4475);
        for (var i = 0; i < 200; i++)
        {
            var garbage = new byte[random.Next(1, 1400)];
            random.NextBytes(garbage);
            await peer.SendAsync(garbage, service);
        }

        var options = await RoundTripAsync(peer, service, "OPTIONS");
        var unknown = await RoundTripAsync(peer, service, "FROBNICATE");

        Assert.StartsWith("SIP/2.0 200", options, StringComparison.Ordinal);
        Assert.Contains("Allow: INVITE", options, StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 501", unknown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Require: 100rel, foo\r\n", "SIP/2.0 420", "Unsupported: 100rel, foo")]
    [InlineData("Session-Expires: 60\r\n", "SIP/2.0 422", "Min-SE: 90")]
    [InlineData("Max-Forwards: 0\r\n", "SIP/2.0 483", "")]
    public async Task Invites_the_desk_cannot_honour_get_the_rfc_answer(string header, string status, string expected)
    {
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        var response = await RoundTripAsync(peer, new IPEndPoint(IPAddress.Loopback, Service.SipPort), "INVITE", header);

        Assert.StartsWith(status, response, StringComparison.Ordinal);
        Assert.Contains(expected, response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merged_invite_arriving_by_a_second_path_gets_482()
    {
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var service = new IPEndPoint(IPAddress.Loopback, Service.SipPort);
        var callId = $"{Guid.NewGuid():N}@127.0.0.1";
        var fromTag = Guid.NewGuid().ToString("N");

        await RoundTripAsync(peer, service, "INVITE", string.Empty, callId, fromTag);
        var second = await RoundTripAsync(peer, service, "INVITE", string.Empty, callId, fromTag);

        Assert.StartsWith("SIP/2.0 482", second, StringComparison.Ordinal);
    }

    private static async Task<string> RoundTripAsync(UdpClient peer, IPEndPoint service, string method, string extraHeaders = "", string? callId = null, string? fromTag = null)
    {
        var local = (IPEndPoint)peer.Client.LocalEndPoint!;
        var branch = "z9hG4bK" + Guid.NewGuid().ToString("N")[..12];
        var maxForwards = extraHeaders.Contains("Max-Forwards", StringComparison.Ordinal) ? string.Empty : "Max-Forwards: 70\r\n";
        var request =
            $"{method} sip:{MexicoDid}@127.0.0.1:{service.Port} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{local.Port};branch={branch};rport\r\n" +
            maxForwards +
            extraHeaders +
            $"From: <sip:probe@127.0.0.1>;tag={fromTag ?? Guid.NewGuid().ToString("N")}\r\n" +
            $"To: <sip:{MexicoDid}@127.0.0.1>\r\n" +
            $"Call-ID: {callId ?? Guid.NewGuid().ToString("N") + "@127.0.0.1"}\r\n" +
            $"CSeq: 1 {method}\r\n" +
            "Content-Length: 0\r\n\r\n";
        await peer.SendAsync(Encoding.ASCII.GetBytes(request), service);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var received = await peer.ReceiveAsync(timeout.Token);
            var text = Encoding.UTF8.GetString(received.Buffer);
            if (text.Contains(branch, StringComparison.Ordinal) && !text.StartsWith("SIP/2.0 1", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }
}
