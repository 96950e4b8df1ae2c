using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Flows;

public class DatabaseOutageTests
{
    [Fact]
    public async Task With_the_database_down_the_incident_goes_to_the_outbox_and_the_caller_hears_that_an_agent_will_confirm_the_number()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Store.Unreachable = true;
        call.Channel.Press("1").Press("2001#").Press("2").Press("5215598765432#").Press("#").Press("2").Press("2");

        var result = await call.RunAsync();

        var queued = Assert.Single(call.Outbox.Queued);
        Assert.Equal(CaseKind.Incident, queued.Kind);
        Assert.Equal("2001", queued.Details.Extension);
        Assert.Equal(AffectedUsers.Several, queued.AffectedUsers);
        Assert.Equal(IvrHarness.Caller, queued.CallerNumber);
        Assert.Equal([PromptKeys.CasePending], call.Channel.Played[^2].Keys);
        Assert.DoesNotContain(call.Channel.Heard, prompt => prompt.Contains("digit.", StringComparison.Ordinal));
        Assert.Equal([PromptKeys.Goodbye], call.Channel.Played[^1].Keys);
        Assert.Equal(CaseKind.Incident, Assert.Single(call.Sink.Events.OfType<CasePending>()).Kind);
        Assert.Empty(call.Sink.Events.OfType<CaseOpened>());
        Assert.Equal(new IvrResult(IvrOutcome.Completed, "es", null), result);
    }

    [Fact]
    public async Task An_activation_waiting_in_the_outbox_still_lists_what_is_missing()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Store.Unreachable = true;
        call.Channel.Press("2").Press("48213#").Press("3105#").Press("2").Press("2").Press("2").Speak(2).Press("#", after: 0.5);

        await call.RunAsync();

        Assert.Single(call.Outbox.Queued);
        Assert.Contains(call.Channel.Played, playback => playback.Keys.SequenceEqual([PromptKeys.CasePending]));
        Assert.Contains(call.Channel.Played, playback => playback.Keys.SequenceEqual(["activation.missing", "missing.full-name", "missing.teams-email"]));
    }

    [Fact]
    public async Task When_neither_the_database_nor_the_outbox_takes_the_case_the_caller_is_told_and_handed_to_an_agent()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Store.Unreachable = true;
        call.Outbox.Broken = true;
        call.Agents.AgentsAvailable = true;
        call.Channel.Press("1").Press("2001#").Press("2").Press("5215598765432#").Press("#").Press("2").Press("2");

        var result = await call.RunAsync();

        Assert.Equal([PromptKeys.CaseNotRecorded, PromptKeys.AgentTransfer], call.Channel.Played[^1].Keys);
        Assert.Equal(IvrOutcome.ToAgentQueue, result.Outcome);
    }
}
