using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Flows;

public class MainMenuTests
{
    [Fact]
    public async Task Open_hours_menu_offers_cases_an_agent_and_english_in_its_own_voice()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel.HangUp(after: 5);

        await call.RunAsync();

        Assert.Equal(["es/welcome", "es/menu.cases", "es/menu.agent", "en/language.offer"], call.Channel.Heard);
    }

    [Fact]
    public async Task A_digit_pressed_during_the_greeting_stops_it_and_goes_straight_to_the_incident()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel.Press("12001#", after: 0.5).HangUp(after: 1);

        await call.RunAsync();

        var greeting = call.Channel.Played[0];
        Assert.Equal([PromptKeys.Welcome], greeting.Keys);
        Assert.Equal(IvrHarness.OpenTime.AddSeconds(0.5), greeting.StoppedAt);
        Assert.Equal(greeting.StoppedAt, call.Channel.Played[1].StoppedAt);
        Assert.Equal(call.Channel.Played[1].StartedAt, call.Channel.Played[1].StoppedAt);
        Assert.Equal(IvrHarness.OpenTime.AddSeconds(0.8), call.Channel.Played[2].StoppedAt);
        Assert.Equal(
            ["StepEntered menu.open", "DigitsCollected menu.open 1", "StepEntered incident.extension", "DigitsCollected incident.extension 2001", "StepEntered incident.direction"],
            call.Sink.Events.Select(Describe).Where(e => e.StartsWith("Step", StringComparison.Ordinal) || e.StartsWith("Digits", StringComparison.Ordinal)));
        Assert.Empty(call.Sink.Events.OfType<InputRejected>());
    }

    [Fact]
    public async Task Nine_switches_to_english_and_replays_the_menu_there()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel.Press("9").HangUp(after: 6);

        var result = await call.RunAsync();

        Assert.Equal(
            ["es/welcome", "es/menu.cases", "es/menu.agent", "en/language.offer", "en/menu.cases", "en/menu.agent", "es/language.offer"],
            call.Channel.Heard);
        var changed = Assert.Single(call.Sink.Events.OfType<LanguageChanged>());
        Assert.Equal(("es", "en"), (changed.From, changed.To));
        Assert.Equal("en", result.Language);
    }

    [Fact]
    public async Task The_united_states_number_starts_in_english_and_nine_switches_to_spanish()
    {
        var call = new IvrHarness(IvrHarness.OpenTime, IvrHarness.UnitedStates);
        call.Channel.Press("9").Press("1", after: 4).Press("2001#").HangUp(after: 1);

        var result = await call.RunAsync();

        Assert.Equal(["en/welcome", "en/menu.cases", "en/menu.agent", "es/language.offer"], call.Channel.Heard.Take(4));
        Assert.Contains("es/incident.extension", call.Channel.Heard);
        Assert.Equal("es", result.Language);
    }

    [Fact]
    public async Task Three_wrong_digits_end_politely_with_the_email_address_when_no_agent_is_free()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel.Press("7").Press("8", after: 5).Press("#", after: 5);

        var result = await call.RunAsync();

        var rejected = call.Sink.Events.OfType<InputRejected>().ToList();
        Assert.Equal([(1, "7"), (2, "8"), (3, "#")], rejected.Select(e => (e.Attempt, e.Digits)));
        Assert.All(rejected, e => Assert.Equal(InputProblem.Invalid, e.Problem));
        Assert.Equal(
            [[PromptKeys.InputInvalid, PromptKeys.MenuCases, PromptKeys.MenuAgent, PromptKeys.LanguageOffer], [PromptKeys.InputInvalid, PromptKeys.MenuCases, PromptKeys.MenuAgent, PromptKeys.LanguageOffer]],
            call.Channel.Played.Skip(2).Take(2).Select(playback => playback.Keys));
        Assert.Equal([PromptKeys.FallbackNotUnderstood, PromptKeys.ContactEmail, PromptKeys.Goodbye], call.Channel.Played[^1].Keys);
        Assert.Equal(IvrOutcome.GaveUp, result.Outcome);
        Assert.True(call.Channel.HungUpByIvr);
    }

    [Fact]
    public async Task Three_failures_hand_the_caller_to_an_agent_when_one_is_free()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Agents.AgentsAvailable = true;
        call.Channel.Press("1").Press("*").Press("12345678901#", after: 5).Press("#", after: 5);

        var result = await call.RunAsync();

        Assert.Equal(
            [(InputProblem.Invalid, "*"), (InputProblem.Invalid, "12345678901"), (InputProblem.Invalid, "#")],
            call.Sink.Events.OfType<InputRejected>().Select(e => (e.Problem, e.Digits)));
        Assert.Equal([PromptKeys.FallbackNotUnderstood, PromptKeys.AgentTransfer], call.Channel.Played[^1].Keys);
        Assert.Equal(IvrOutcome.ToAgentQueue, result.Outcome);
        Assert.False(call.Channel.HungUpByIvr);
    }

    [Fact]
    public async Task Silence_times_out_after_five_seconds_each_try_then_falls_back()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);

        var result = await call.RunAsync();

        // Greeting 1 s, menu 3 s, then 5 s of silence; each retry adds "no input" to the 3 s menu.
        var rejected = call.Sink.Events.OfType<InputRejected>().ToList();
        Assert.Equal(
            [IvrHarness.OpenTime.AddSeconds(9), IvrHarness.OpenTime.AddSeconds(18), IvrHarness.OpenTime.AddSeconds(27)],
            rejected.Select(e => e.At));
        Assert.All(rejected, e => Assert.Equal(InputProblem.NoInput, e.Problem));
        Assert.Equal(PromptKeys.InputNone, call.Channel.Played[2].Keys[0]);
        Assert.Equal(IvrOutcome.GaveUp, result.Outcome);
    }

    [Fact]
    public async Task A_number_left_without_pound_is_taken_when_the_inter_digit_timeout_passes()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel.Press("1").Press("20").HangUp(after: 5);

        await call.RunAsync();

        var extension = call.Sink.Events.OfType<DigitsCollected>().Single(e => e.Step == "incident.extension");
        Assert.Equal("20", extension.Digits);
        Assert.Equal(IvrHarness.OpenTime.AddSeconds(4 + 4 + 0.3 + 3), extension.At);
    }

    [Fact]
    public async Task Zero_goes_to_the_agents_queue_when_one_is_free()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Agents.AgentsAvailable = true;
        call.Channel.Press("0");

        var result = await call.RunAsync();

        Assert.Equal([PromptKeys.AgentTransfer], call.Channel.Played[^1].Keys);
        Assert.Equal(new IvrResult(IvrOutcome.ToAgentQueue, "es", null), result);
        Assert.False(call.Channel.HungUpByIvr);
    }

    [Fact]
    public async Task Zero_with_no_agent_free_offers_a_callback_that_opens_a_callback_case_for_now()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel.Press("0").Press("1");

        var result = await call.RunAsync();

        Assert.Contains(call.Channel.Played, playback => playback.Keys.SequenceEqual([PromptKeys.AgentUnavailable]));
        Assert.Contains(call.Channel.Played, playback => playback.Keys.SequenceEqual([PromptKeys.CallbackOfferSoon]));
        var callback = call.OpenedCase();
        Assert.Equal(CaseKind.Callback, callback.Kind);
        Assert.Equal(IvrHarness.Caller, callback.CallerNumber);
        Assert.Contains("no agent was free", callback.Details.Description, StringComparison.Ordinal);
        Assert.Contains(call.Channel.Played, playback => playback.Keys.SequenceEqual(
            ["callback.saved", "digit.1", "digit.0", "digit.0", "digit.1", "case.repeat", "digit.1", "digit.0", "digit.0", "digit.1"]));
        Assert.Equal(IvrOutcome.Completed, result.Outcome);
    }

    [Fact]
    public async Task Declining_the_callback_returns_to_the_menu()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel.Press("0").Press("2").HangUp(after: 5);

        await call.RunAsync();

        Assert.Empty(call.Store.All);
        Assert.Equal(2, call.Sink.Events.OfType<StepEntered>().Count(e => e.Step == "menu.open"));
    }

    internal static string Describe(IvrEvent ivrEvent) => ivrEvent switch
    {
        IvrStarted e => $"IvrStarted {e.Did} {e.Language}",
        StepEntered e => $"StepEntered {e.Step}",
        DigitsCollected e => $"DigitsCollected {e.Step} {e.Digits}",
        RecordingCollected e => $"RecordingCollected {e.Step}",
        InputRejected e => $"InputRejected {e.Step} {e.Attempt} {e.Problem}",
        LanguageChanged e => $"LanguageChanged {e.From}>{e.To}",
        CaseOpened e => $"CaseOpened {e.Number} {e.Kind}",
        CasePending e => $"CasePending {e.Kind}",
        CaseLookedUp e => $"CaseLookedUp {e.Number}",
        IvrEnded e => $"IvrEnded {e.Outcome} {e.CaseNumber}",
        _ => ivrEvent.GetType().Name,
    };
}
