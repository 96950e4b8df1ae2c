using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Desk;

public class CaseServiceIvrDeskTests
{
    private static readonly IvrCaller Caller = new(IvrHarness.Caller, IvrHarness.Mexico, "es", CaseChannel.Phone);

    private readonly InMemoryCaseRepository _store = new();
    private readonly RecordingOutbox _outbox = new();
    private readonly CaseServiceIvrDesk _desk;

    public CaseServiceIvrDeskTests()
    {
        var service = new CaseService(_store, new SilentCaseNotifier(), DeskRules.Default, new FakeTimeProvider(IvrHarness.OpenTime));
        _desk = new CaseServiceIvrDesk(service, _outbox, NullLogger<CaseServiceIvrDesk>.Instance);
    }

    [Fact]
    public async Task An_incident_is_opened_by_the_ivr_with_everything_the_caller_typed()
    {
        var report = new IncidentReport(Caller, "2001", TrafficDirection.Inbound, "5550100", IvrHarness.OpenTime.AddHours(-1), AffectedUsers.One, Interruption.NotWorking);

        var receipt = await _desk.OpenIncidentAsync(report, CancellationToken.None);

        Assert.Equal(IvrCaseReceipt.Saved(1001, []).Number, receipt.Number);
        Assert.True(receipt.IsSaved);
        Assert.Empty(receipt.MissingInfo);
        var opened = Assert.Single(_store.All);
        Assert.Equal(CaseServiceIvrDesk.Actor, opened.History[0].Actor);
        Assert.Equal(Severity.S2, opened.Severity);
        Assert.Equal("+525541708422", opened.Did);
        Assert.Equal("MX", opened.Country);
        Assert.Equal("Incident on extension 2001, inbound calls with 5550100", opened.Subject);
    }

    [Fact]
    public async Task With_the_database_down_the_case_goes_to_the_outbox_with_what_is_missing()
    {
        _store.Unreachable = true;
        var request = new ActivationRequest(Caller, "48213", "3105", DirectNumber: false, ExtensionType.Teams, InRingGroup: true, new IvrRecording("/rec/name.wav", TimeSpan.FromSeconds(2)));

        var receipt = await _desk.OpenActivationAsync(request, CancellationToken.None);

        Assert.False(receipt.IsSaved);
        Assert.Equal(["fullName", "teamsEmail", "ringGroup"], receipt.MissingInfo);
        var queued = Assert.Single(_outbox.Queued);
        Assert.Equal(CaseKind.Activation, queued.Kind);
        Assert.Equal("48213", queued.Details.AccountId);
        Assert.Equal("Full name spoken on the call: /rec/name.wav (2.0 s).", queued.Details.Description);
    }

    [Fact]
    public async Task When_the_outbox_fails_too_the_desk_says_so()
    {
        _store.Unreachable = true;
        _outbox.Broken = true;
        var request = new CallbackRequest(Caller, IvrHarness.OpenTime, CallbackReason.NoAgentAvailable);

        await Assert.ThrowsAsync<IOException>(() => _desk.OpenCallbackAsync(request, CancellationToken.None));
    }

    [Fact]
    public async Task Status_reads_a_case_and_knows_unknown_numbers_and_an_unreachable_database()
    {
        await _desk.OpenCallbackAsync(new CallbackRequest(Caller, IvrHarness.OpenTime, CallbackReason.NoAgentAvailable), CancellationToken.None);

        Assert.Equal(new CaseStatusReading(1001, CaseKind.Callback, CaseStatus.Open, Severity.S3, EscalationLevel.Level1), await _desk.GetStatusAsync(1001, CancellationToken.None));
        Assert.Null(await _desk.GetStatusAsync(1002, CancellationToken.None));
        _store.Unreachable = true;
        await Assert.ThrowsAsync<IvrDeskUnavailableException>(() => _desk.GetStatusAsync(1001, CancellationToken.None));
    }
}
