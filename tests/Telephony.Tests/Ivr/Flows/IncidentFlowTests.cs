using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Flows;

public class IncidentFlowTests
{
    private static readonly TimeSpan DeskOffset = TimeSpan.FromHours(-6);

    [Fact]
    public async Task Incident_call_saves_the_case_with_its_details_and_severity_then_reads_the_number_twice()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel
            .Press("1")
            .Press("2001#")
            .Press("2")
            .Press("5215598765432#")
            .Press("240930#")
            .Press("2")
            .Press("1");

        var result = await call.RunAsync();

        var opened = call.OpenedCase();
        Assert.Equal(1001, opened.Number);
        Assert.Equal(CaseKind.Incident, opened.Kind);
        Assert.Equal(CaseChannel.Phone, opened.Channel);
        Assert.Equal(IvrHarness.Caller, opened.CallerNumber);
        Assert.Equal("+525541708422", opened.Did);
        Assert.Equal("MX", opened.Country);
        Assert.Equal("es", opened.Language);
        Assert.Equal("2001", opened.Details.Extension);
        Assert.Equal(TrafficDirection.Outbound, opened.Details.Direction);
        Assert.Equal("5215598765432", opened.Details.CounterpartNumber);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 30, 0, DeskOffset), opened.Details.OccurredAt);
        Assert.Equal(AffectedUsers.Several, opened.AffectedUsers);
        Assert.Equal(Interruption.NotWorking, opened.Interruption);
        Assert.Equal(Severity.S1, opened.Severity);
        Assert.Equal(CaseStatus.Open, opened.Status);
        Assert.Equal("ivr", opened.History[0].Actor);

        var readBack = call.Channel.Played.Single(playback => playback.Keys.Contains(PromptKeys.IncidentSaved));
        Assert.Equal(
            ["incident.saved", "digit.1", "digit.0", "digit.0", "digit.1", "case.repeat", "digit.1", "digit.0", "digit.0", "digit.1"],
            readBack.Keys);
        Assert.False(readBack.BargeIn);
        Assert.Equal([PromptKeys.Goodbye], call.Channel.Played[^1].Keys);
        Assert.Equal(new IvrResult(IvrOutcome.Completed, "es", 1001), result);
        Assert.True(call.Channel.HungUpByIvr);
        Assert.Empty(call.Outbox.Queued);
    }

    [Fact]
    public async Task Click2call_incident_keeps_its_channel()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel.Press("1").Press("2001#").Press("1").Press("5215598765432#").Press("#").Press("1").Press("3");

        await call.RunAsync(CaseChannel.Click2call);

        var opened = call.OpenedCase();
        Assert.Equal(CaseChannel.Click2call, opened.Channel);
        Assert.Equal(TrafficDirection.Inbound, opened.Details.Direction);
        Assert.Equal(Severity.S3, opened.Severity);
    }

    [Fact]
    public async Task A_time_in_the_future_or_an_impossible_day_is_asked_again_and_pound_alone_means_now()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel
            .Press("1")
            .Press("2001#")
            .Press("2")
            .Press("5215598765432#")
            .Press("251200#")   // today at noon: still to come at 10:00
            .Press("321000#", after: 5)    // the 32nd
            .Press("#", after: 5)
            .Press("1")
            .Press("4");

        await call.RunAsync();

        var rejected = call.Sink.Events.OfType<InputRejected>().Where(e => e.Step == "incident.when").ToList();
        Assert.Equal([("251200", 1), ("321000", 2)], rejected.Select(e => (e.Digits, e.Attempt)));
        Assert.All(rejected, e => Assert.Equal(InputProblem.Invalid, e.Problem));
        var whenAsked = call.Channel.Played.Where(playback => playback.Keys.Contains(PromptKeys.IncidentWhen)).Select(playback => playback.Keys[0]).ToList();
        Assert.Equal([PromptKeys.IncidentWhen, PromptKeys.IncidentWhenFuture, PromptKeys.IncidentWhenInvalid], whenAsked);

        var answered = call.Sink.Events.OfType<DigitsCollected>().Single(e => e.Step == "incident.when");
        Assert.Equal(string.Empty, answered.Digits);
        var local = answered.At.ToOffset(DeskOffset);
        var opened = call.OpenedCase();
        Assert.Equal(new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DeskOffset), opened.Details.OccurredAt);
        Assert.Equal(Severity.S4, opened.Severity);
    }

    [Fact]
    public async Task Hour_25_is_refused_and_the_previous_months_day_is_accepted()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel
            .Press("1").Press("2001#").Press("2").Press("5215598765432#")
            .Press("242500#")
            .Press("301715#", after: 5)   // 30 October, 17:15: day 30 is after today's 25th
            .Press("1").Press("2");

        await call.RunAsync();

        Assert.Equal("242500", Assert.Single(call.Sink.Events.OfType<InputRejected>()).Digits);
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 17, 15, 0, DeskOffset), call.OpenedCase().Details.OccurredAt);
        Assert.Equal(Severity.S3, call.OpenedCase().Severity);
    }

    [Fact]
    public async Task Caller_who_hangs_up_mid_report_opens_no_case()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel.Press("1").Press("2001#").HangUp(after: 2);

        var result = await call.RunAsync();

        Assert.Equal(IvrOutcome.CallerHungUp, result.Outcome);
        Assert.Empty(call.Store.All);
        Assert.False(call.Channel.HungUpByIvr);
        Assert.Equal(IvrOutcome.CallerHungUp, Assert.IsType<IvrEnded>(call.Sink.Events[^1]).Outcome);
    }
}
