using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Flows;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Ivr;

/// <summary>
/// One IVR call wired to the real desk (<see cref="CaseServiceIvrDesk"/> over the domain's <see cref="CaseService"/>
/// and an in-memory store) on a fake clock, with a scripted caller.
/// </summary>
internal sealed class IvrHarness
{
    public const string Caller = "+5215512345678";

    /// <summary>Wednesday 25 November 2026, 10:00 at the desk (GMT-6): open.</summary>
    public static readonly DateTimeOffset OpenTime = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(-6));

    /// <summary>Wednesday 25 November 2026, 22:30 at the desk: closed since 21:00, opens Thursday 06:00.</summary>
    public static readonly DateTimeOffset ClosedTime = new(2026, 11, 25, 22, 30, 0, TimeSpan.FromHours(-6));

    public static readonly DeskNumber Mexico = new("+525541708422", "MX", "es", TollFree: false, WhatsApp: false, "+52 55 4170 8422");
    public static readonly DeskNumber UnitedStates = new("+13056445535", "US", "en", TollFree: false, WhatsApp: false, "+1 305 644 5535");

    private readonly IvrCallFlow _flow;

    public IvrHarness(DateTimeOffset start, DeskNumber? did = null, string? caller = Caller)
    {
        Time = new FakeTimeProvider(start);
        Service = new CaseService(Store, new SilentCaseNotifier(), DeskRules.Default, Time);
        Channel = new ScriptedChannel(Time, did ?? Mexico, caller);
        _flow = new IvrCallFlow(
            new CaseServiceIvrDesk(Service, Outbox, NullLogger<CaseServiceIvrDesk>.Instance),
            Agents,
            DeskRules.Default,
            Sink,
            Time,
            IvrOptions.Default,
            NullLogger<IvrCallFlow>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public InMemoryCaseRepository Store { get; } = new();

    public CaseService Service { get; }

    public RecordingOutbox Outbox { get; } = new();

    public AgentsOnDuty Agents { get; } = new();

    public RecordingEventSink Sink { get; } = new();

    public ScriptedChannel Channel { get; }

    public Task<IvrResult> RunAsync(CaseChannel caseChannel = CaseChannel.Phone) =>
        _flow.RunAsync(Channel, caseChannel, CancellationToken.None);

    /// <summary>The single case the call opened.</summary>
    public SupportCase OpenedCase() => Assert.Single(Store.All);
}
