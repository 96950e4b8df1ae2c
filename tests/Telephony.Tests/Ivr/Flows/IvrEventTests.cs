using CallMyWay.Voice.Telephony.Ivr.Events;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Flows;

public class IvrEventTests
{
    [Fact]
    public async Task Every_step_and_state_change_of_a_call_is_an_event_in_order()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel
            .Press("9")
            .Press("1", after: 5)
            .Press("2001#")
            .Press("3")
            .Press("1", after: 5)
            .Press("5550100#")
            .Press("#")
            .Press("1")
            .Press("3");

        await call.RunAsync();

        Assert.Equal(
            [
                "IvrStarted +525541708422 es",
                "StepEntered menu.open",
                "DigitsCollected menu.open 9",
                "LanguageChanged es>en",
                "StepEntered menu.open",
                "DigitsCollected menu.open 1",
                "StepEntered incident.extension",
                "DigitsCollected incident.extension 2001",
                "StepEntered incident.direction",
                "InputRejected incident.direction 1 Invalid",
                "DigitsCollected incident.direction 1",
                "StepEntered incident.counterpart",
                "DigitsCollected incident.counterpart 5550100",
                "StepEntered incident.when",
                "DigitsCollected incident.when ",
                "StepEntered incident.users",
                "DigitsCollected incident.users 1",
                "StepEntered incident.interruption",
                "DigitsCollected incident.interruption 3",
                "CaseOpened 1001 Incident",
                "IvrEnded Completed 1001",
            ],
            call.Sink.Events.Select(MainMenuTests.Describe));
        Assert.All(call.Sink.Events, e => Assert.Equal("call-7", e.CallId));
        Assert.Equal(call.Sink.Events.Select(e => e.At).Order(), call.Sink.Events.Select(e => e.At));
    }
}
