using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Flows;

public class ActivationFlowTests
{
    [Fact]
    public async Task Teams_activation_records_the_name_and_lists_the_name_in_writing_and_the_teams_email_as_missing()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel
            .Press("2")
            .Press("48213#")
            .Press("3105#")
            .Press("1")   // direct number
            .Press("2")   // Teams
            .Press("2")   // no ring group
            .Speak(2.5)
            .Press("#", after: 0.5);

        var result = await call.RunAsync();

        var opened = call.OpenedCase();
        Assert.Equal(CaseKind.Activation, opened.Kind);
        Assert.Equal("48213", opened.Details.AccountId);
        Assert.Equal("3105", opened.Details.Extension);
        Assert.True(opened.Details.DirectNumber);
        Assert.Equal(ExtensionType.Teams, opened.Details.ExtensionType);
        Assert.False(opened.Details.InRingGroup);
        Assert.Null(opened.Details.FullName);
        Assert.Contains("/var/recordings/call-7-1.wav", opened.Details.Description, StringComparison.Ordinal);
        Assert.Equal(["fullName", "teamsEmail"], opened.MissingInfo);
        Assert.Equal(CaseStatus.AwaitingInfo, opened.Status);
        Assert.Equal(Severity.S4, opened.Severity);

        var recorded = Assert.Single(call.Sink.Events.OfType<RecordingCollected>());
        Assert.Equal(("activation.name", TimeSpan.FromSeconds(2.5)), (recorded.Step, recorded.Duration));
        var namePrompt = call.Channel.Played.Single(playback => playback.Keys.Contains(PromptKeys.ActivationName));
        Assert.Equal([PromptKeys.ActivationName, PromptKeys.Tone], namePrompt.Keys);
        Assert.False(namePrompt.BargeIn);

        var afterSave = call.Channel.Played.SkipWhile(playback => !playback.Keys.Contains(PromptKeys.ActivationSaved)).Select(playback => playback.Keys).ToList();
        Assert.Equal(
            [
                ["activation.saved", "digit.1", "digit.0", "digit.0", "digit.1", "case.repeat", "digit.1", "digit.0", "digit.0", "digit.1"],
                ["activation.missing", "missing.full-name", "missing.teams-email"],
                ["activation.charges", "goodbye"],
            ],
            afterSave);
        Assert.Equal(IvrOutcome.Completed, result.Outcome);
    }

    [Fact]
    public async Task Sip_extension_in_a_ring_group_asks_for_the_group_name_and_a_name_never_said_is_not_a_reason_to_lose_the_request()
    {
        var call = new IvrHarness(IvrHarness.OpenTime);
        call.Channel.Press("2").Press("48213#").Press("3106#").Press("2").Press("1").Press("1");

        await call.RunAsync();

        var opened = call.OpenedCase();
        Assert.Equal(ExtensionType.Sip, opened.Details.ExtensionType);
        Assert.False(opened.Details.DirectNumber);
        Assert.True(opened.Details.InRingGroup);
        Assert.Null(opened.Details.Description);
        Assert.Equal(["fullName", "ringGroup"], opened.MissingInfo);
        Assert.Equal(3, call.Sink.Events.OfType<InputRejected>().Count(e => e.Step == "activation.name" && e.Problem == InputProblem.NoInput));
        Assert.Contains(call.Channel.Played, playback => playback.Keys.SequenceEqual(["activation.missing", "missing.full-name", "missing.ring-group"]));
    }
}
