using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Flows;

public class StatusFlowTests
{
    [Fact]
    public async Task Status_reads_the_cases_state_severity_and_level_then_returns_to_the_menu()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        await SeedEscalatedCriticalCaseAsync(call);
        call.Channel.Press("3").Press("1001#").HangUp(after: 16);

        var result = await call.RunAsync();

        var reading = call.Channel.Played.Single(playback => playback.Keys.Contains(PromptKeys.StatusCase));
        Assert.Equal(
            ["status.case", "digit.1", "digit.0", "digit.0", "digit.1", "status.state", "state.in-progress", "status.severity", "severity.s1", "status.level", "level.2"],
            reading.Keys);
        Assert.Equal([PromptKeys.MenuCases, PromptKeys.MenuAgent, PromptKeys.LanguageOffer], call.Channel.Played[^1].Keys);
        Assert.Equal(2, call.Sink.Events.OfType<StepEntered>().Count(e => e.Step == "menu.open"));
        Assert.Equal(1001, Assert.Single(call.Sink.Events.OfType<CaseLookedUp>()).Number);
        Assert.Equal(new IvrResult(IvrOutcome.CallerHungUp, "es", 1001), result);
    }

    [Fact]
    public async Task Unknown_case_number_is_said_and_asked_again()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        await SeedEscalatedCriticalCaseAsync(call);
        call.Channel.Press("3").Press("999#").Press("1001#", after: 5).HangUp(after: 14);

        await call.RunAsync();

        var rejected = Assert.Single(call.Sink.Events.OfType<InputRejected>());
        Assert.Equal(("status.case-number", 1, InputProblem.Invalid, "999"), (rejected.Step, rejected.Attempt, rejected.Problem, rejected.Digits));
        Assert.Contains(call.Channel.Played, playback => playback.Keys.SequenceEqual([PromptKeys.StatusNotFound, PromptKeys.StatusCaseNumber]));
        Assert.Contains(call.Channel.Played, playback => playback.Keys.Contains(PromptKeys.StatusCase));
    }

    [Fact]
    public async Task Status_while_the_database_is_down_says_to_try_later_and_returns_to_the_menu()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Store.Unreachable = true;
        call.Channel.Press("3").Press("1001#").HangUp(after: 10);

        await call.RunAsync();

        Assert.Contains(call.Channel.Played, playback => playback.Keys.SequenceEqual([PromptKeys.StatusUnavailable]));
        Assert.Equal(2, call.Sink.Events.OfType<StepEntered>().Count(e => e.Step == "menu.open"));
    }

    private static async Task SeedEscalatedCriticalCaseAsync(IvrHarness call)
    {
        var opened = await call.Service.OpenAsync(
            new NewCase
            {
                Kind = CaseKind.Incident,
                Channel = CaseChannel.Email,
                Details = new CaseDetails { Extension = "2001", Direction = TrafficDirection.Inbound, CounterpartNumber = "5550100", OccurredAt = IvrHarness.OpenTime },
                AffectedUsers = AffectedUsers.All,
                Interruption = Interruption.NotWorking,
            },
            "agent@callmyway.com",
            CancellationToken.None);
        await call.Service.ChangeAsync(opened.Number, "agent@callmyway.com", (c, change) => c.Assign("agent@callmyway.com", change), CancellationToken.None);
        await call.Service.ChangeAsync(opened.Number, "agent@callmyway.com", (c, change) => c.Escalate("needs a specialist", change), CancellationToken.None);
    }
}
