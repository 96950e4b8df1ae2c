using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Flows;

public class ClosedHoursMenuTests
{
    private static readonly string[] ClosedGreeting =
    [
        "welcome", "closed.intro",
        "hours.intro", "hours.weekdays", "clock.6", "hours.to", "clock.21", "hours.weekends", "clock.7", "hours.to", "clock.17", "tz.gmt-6",
        "contact.email",
    ];

    [Fact]
    public async Task Closed_greeting_says_so_gives_the_hours_and_the_email_then_offers_a_callback_instead_of_an_agent()
    {
        var call = new IvrHarness(IvrHarness.ClosedTime);
        call.Channel.HangUp(after: 20);

        await call.RunAsync();

        Assert.Equal(ClosedGreeting, call.Channel.Played[0].Keys);
        Assert.True(call.Channel.Played[0].BargeIn);
        Assert.Equal(["es/menu.cases", "es/menu.callback", "en/language.offer"], call.Channel.Played[1].Prompts.Select(p => p.ToString()));
        Assert.Equal("menu.closed", call.Sink.Events.OfType<StepEntered>().First().Step);
    }

    [Fact]
    public async Task Zero_when_closed_offers_a_callback_at_the_next_opening_and_one_books_it_for_the_callers_number()
    {
        var call = new IvrHarness(IvrHarness.ClosedTime);
        call.Channel.Press("0", after: 17).Press("1", after: 5);

        var result = await call.RunAsync();

        Assert.Contains(call.Channel.Played, playback => playback.Keys.SequenceEqual(
            [PromptKeys.CallbackOfferOpening, "day.tomorrow", "clock.6", PromptKeys.CallbackAccept]));
        var callback = call.OpenedCase();
        Assert.Equal(CaseKind.Callback, callback.Kind);
        Assert.Equal(IvrHarness.Caller, callback.CallerNumber);
        Assert.Equal($"Call back {IvrHarness.Caller} at 2026-11-26 06:00 -06:00", callback.Subject);
        Assert.Contains("the desk was closed", callback.Details.Description, StringComparison.Ordinal);
        Assert.Equal(IvrOutcome.Completed, result.Outcome);
        Assert.Equal(1001, Assert.Single(call.Sink.Events.OfType<CaseOpened>()).Number);
    }

    [Fact]
    public async Task A_withheld_number_cannot_be_called_back_and_hears_the_email_instead()
    {
        var call = new IvrHarness(IvrHarness.ClosedTime, caller: null);
        call.Channel.Press("0", after: 17).HangUp(after: 6);

        await call.RunAsync();

        Assert.Contains(call.Channel.Played, playback => playback.Keys.SequenceEqual([PromptKeys.CallbackNoNumber, PromptKeys.ContactEmail]));
        Assert.Empty(call.Store.All);
        Assert.Equal(2, call.Sink.Events.OfType<StepEntered>().Count(e => e.Step == "menu.closed"));
    }

    [Fact]
    public async Task Incidents_are_taken_when_closed_too()
    {
        var call = new IvrHarness(IvrHarness.ClosedTime);
        call.Channel.Press("1", after: 2).Press("2001#").Press("1").Press("5550100#").Press("#").Press("3").Press("1");

        var result = await call.RunAsync();

        Assert.Equal(CaseKind.Incident, call.OpenedCase().Kind);
        Assert.Equal(IvrOutcome.Completed, result.Outcome);
        Assert.NotNull(call.Channel.Played[0].StoppedAt);
    }
}
