using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Engine;
using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Prompts;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Engine;

public class IvrSessionTests
{
    private readonly FakeTimeProvider _time = new(IvrHarness.OpenTime);
    private readonly RecordingEventSink _sink = new();
    private readonly ScriptedChannel _channel;
    private readonly IvrSession _session;

    public IvrSessionTests()
    {
        _channel = new ScriptedChannel(_time, IvrHarness.Mexico, IvrHarness.Caller);
        _session = new IvrSession(_channel, CaseChannel.Phone, _sink, _time, IvrOptions.Default);
    }

    [Fact]
    public async Task A_number_at_its_maximum_length_still_takes_its_pound_so_the_next_step_does_not_read_it()
    {
        _channel.Press("1234#", after: 2).Press("#", after: 4);

        var first = await Ask(new DigitsInput(1, 4));
        var second = await Ask(new DigitsInput(6, 6) { AllowEmpty = true });

        Assert.Equal("1234", first);
        Assert.Equal(string.Empty, second);
        // The second answer is the second '#', pressed 4 s after the first: not the first one read twice.
        Assert.Equal(IvrHarness.OpenTime.AddSeconds(3.2 + 4), _time.GetUtcNow());
    }

    [Fact]
    public async Task Pound_alone_is_refused_where_a_number_is_required()
    {
        _channel.Press("#", after: 2).Press("55#", after: 4);

        Assert.Equal("55", await Ask(new DigitsInput(1, 4)));
        Assert.Equal("#", Assert.Single(_sink.Events.OfType<InputRejected>()).Digits);
    }

    [Fact]
    public async Task Too_short_too_long_and_starred_entries_each_cost_one_try_and_the_third_failure_gives_up()
    {
        _channel.Press("1#", after: 2).Press("123456#", after: 4).Press("12*4#", after: 4);

        Assert.Null(await Ask(new DigitsInput(2, 5)));
        Assert.Equal(
            [(1, "1"), (2, "123456"), (3, "12*4")],
            _sink.Events.OfType<InputRejected>().Select(e => (e.Attempt, e.Digits)));
        Assert.Equal(
            [[PromptKeys.StatusCaseNumber], [PromptKeys.InputInvalid, PromptKeys.StatusCaseNumber], [PromptKeys.InputInvalid, PromptKeys.StatusCaseNumber]],
            _channel.Played.Select(playback => playback.Keys));
    }

    [Fact]
    public async Task The_steps_own_complaint_opens_the_retry()
    {
        _channel.Press("13#", after: 2).Press("42#", after: 4);
        var input = new DigitsInput(2, 2) { Check = (digits, _) => ValueTask.FromResult(digits == "42" ? null : PromptKeys.StatusNotFound) };

        Assert.Equal("42", await Ask(input));
        Assert.Equal([PromptKeys.StatusNotFound, PromptKeys.StatusCaseNumber], _channel.Played[1].Keys);
    }

    [Fact]
    public async Task Digits_left_over_from_a_rejected_entry_do_not_answer_the_question_asked_again()
    {
        // "7" is not a choice; the "1" typed with it during the prompt belongs to the wrong entry and is dropped.
        _channel.Press("71", after: 0.5, gap: 0).Press("2", after: 4);

        var choice = await _session.AskChoiceAsync("menu.open", _session.Prompts(PromptKeys.MenuCases), "123", CancellationToken.None);

        Assert.Equal('2', choice);
    }

    private Task<string?> Ask(DigitsInput input) =>
        _session.AskNumberAsync("status.case-number", _session.Prompts(PromptKeys.StatusCaseNumber), input, CancellationToken.None);
}
