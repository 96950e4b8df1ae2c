using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using Microsoft.Extensions.Time.Testing;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Cases.SampleCases;

namespace CallMyWay.Voice.Domain.Tests.Application;

public class CaseServiceTests
{
    private const string ChangedMeanwhile = "Case 1001 was changed by someone else in the meantime.";

    // 04:00Z on Friday is Thursday 22:00 at the desk, which closed at 21:00.
    private readonly FakeTimeProvider _time = new(Iso("2026-11-27T04:00:00Z"));
    private readonly InMemoryCaseRepository _repository = new();
    private readonly RecordingCaseNotifier _notifier = new();
    private readonly CaseService _service;

    public CaseServiceTests()
    {
        _service = new CaseService(_repository, _notifier, DeskRules.Default, _time);
    }

    [Fact]
    public async Task Opening_numbers_the_case_stores_it_and_notifies_once()
    {
        var first = await _service.OpenAsync(Incident(Severity.S1, CompleteIncident), Ivr, CancellationToken.None);

        Assert.Equal(1001, first.Number);
        Assert.Equal([(1001L, CaseStatus.Open, 2)], _notifier.Notified);
        var stored = await _service.FindAsync(1001, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(CaseStatus.Open, stored.Status);
        Assert.Equal(2, stored.Version);

        var second = await _service.OpenAsync(Incident(Severity.S3, CaseDetails.Empty), Ivr, CancellationToken.None);

        Assert.Equal(1002, second.Number);
        Assert.Equal([(1001L, CaseStatus.Open, 2), (1002L, CaseStatus.AwaitingInfo, 3)], _notifier.Notified);
    }

    [Fact]
    public async Task Opening_takes_the_time_from_the_clock_in_desk_time_and_the_desks_rules()
    {
        var opened = await _service.OpenAsync(Incident(Severity.S1, CompleteIncident), Ivr, CancellationToken.None);

        Equal("2026-11-26 22:00", opened.CreatedAt);
        Assert.Equal(Ivr, opened.History[0].Actor);
        AssertDue(opened, "2026-11-26 23:00", "2026-11-27 01:00");
        Assert.Same(DeskRules.Default, _service.Rules);
    }

    [Fact]
    public async Task A_change_is_applied_by_the_actor_at_the_current_time_then_saved_and_notified()
    {
        await _service.OpenAsync(Incident(Severity.S3, CompleteIncident), Ivr, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(30));
        CaseChange? seen = null;

        var result = await _service.ChangeAsync(1001, Ana, (c, change) =>
        {
            seen = change;
            return c.Assign(Ana, change);
        }, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.NotNull(result.Case);
        Assert.NotNull(seen);
        Assert.Equal(Ana, seen.Actor);
        Equal("2026-11-26 22:30", seen.At);
        Assert.Same(DeskRules.Default, seen.Rules);
        Assert.Equal(CaseStatus.InProgress, result.Case.Status);
        Equal("2026-11-26 22:30", result.Case.AttendedAt!.Value);
        var stored = _repository.Stored(1001);
        Assert.Equal(CaseStatus.InProgress, stored.Status);
        Assert.Equal(Ana, stored.Assignee);
        Assert.Equal(result.Case.Version, stored.Version);
        Assert.Equal(1, _repository.Saves);
        Assert.Equal((1001L, CaseStatus.InProgress, stored.Version), _notifier.Notified[^1]);
        Assert.Equal(2, _notifier.Notified.Count);
    }

    [Fact]
    public async Task Changing_an_unknown_case_is_refused_as_not_found()
    {
        var ran = false;

        var result = await _service.ChangeAsync(999, Ana, (c, change) =>
        {
            ran = true;
            return null;
        }, CancellationToken.None);

        Assert.Null(result.Case);
        Assert.NotNull(result.Error);
        Assert.Equal("not-found", result.Error.Code);
        Assert.Equal("Case 999 was not found.", result.Error.Message);
        Assert.False(ran);
        Assert.Equal(0, _repository.SaveAttempts);
        Assert.Empty(_notifier.Notified);
    }

    [Fact]
    public async Task A_refused_command_saves_nothing_and_notifies_nobody()
    {
        await _service.OpenAsync(Incident(Severity.S3, CompleteIncident), Ivr, CancellationToken.None);

        var result = await _service.ChangeAsync(1001, Ana, (c, change) => c.ConfirmResolution("Customer says thanks.", change), CancellationToken.None);

        Assert.Null(result.Case);
        Assert.NotNull(result.Error);
        Assert.Equal("case.illegal-transition", result.Error.Code);
        Assert.Equal("A case that is open cannot be closed: only a resolved case closes, on the customer's confirmation.", result.Error.Message);
        Assert.Equal(0, _repository.SaveAttempts);
        Assert.Single(_notifier.Notified);
        Assert.Equal(2, _repository.Stored(1001).Version);
    }

    [Fact]
    public async Task A_concurrent_change_is_retried_on_a_fresh_read_and_keeps_both_changes()
    {
        await _service.OpenAsync(Incident(Severity.S3, CompleteIncident), Ivr, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(10));
        _repository.ChangedConcurrently(1, OtherAgentAddsANote);

        var result = await _service.ChangeAsync(1001, Ana, (c, change) => c.Escalate("Carrier-side routing.", change), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.NotNull(result.Case);
        // Applied once, to the winner's version: level 2, not level 3.
        Assert.Equal(EscalationLevel.Level2, result.Case.Level);
        Assert.Equal(2, _repository.Reads);
        Assert.Equal(2, _repository.SaveAttempts);
        var stored = _repository.Stored(1001);
        Assert.Equal(EscalationLevel.Level2, stored.Level);
        Assert.Equal(
            [("note", Luis), ("escalated", Ana)],
            stored.History.Skip(2).Select(e => (e.Action, e.Actor)));
        Assert.Equal(2, _notifier.Notified.Count);
        Assert.Equal((1001L, CaseStatus.Open, stored.Version), _notifier.Notified[^1]);
    }

    [Fact]
    public async Task A_retry_judges_the_command_against_the_winners_version()
    {
        await _service.OpenAsync(Incident(Severity.S3, CompleteIncident), Ivr, CancellationToken.None);
        _repository.ChangedConcurrently(1, c => Succeeds(c.Resolve("Luis fixed it first.", new CaseChange(Luis, _time.GetUtcNow(), DeskRules.Default))));

        var result = await _service.ChangeAsync(1001, Ana, (c, change) => c.Resolve("Ana fixed it.", change), CancellationToken.None);

        Assert.NotNull(result.Error);
        Assert.Equal("A case that is resolved cannot be resolved.", result.Error.Message);
        Assert.Equal(1, _repository.SaveAttempts);
        Assert.Single(_notifier.Notified);
        var stored = _repository.Stored(1001);
        Assert.Equal(CaseStatus.Resolved, stored.Status);
        Assert.Equal("Luis fixed it first.", stored.History[^1].Detail);
    }

    [Fact]
    public async Task Two_concurrent_changes_in_a_row_are_still_absorbed()
    {
        await _service.OpenAsync(Incident(Severity.S3, CompleteIncident), Ivr, CancellationToken.None);
        _repository.ChangedConcurrently(2, OtherAgentAddsANote);

        var result = await _service.ChangeAsync(1001, Ana, (c, change) => c.Escalate("Carrier-side routing.", change), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(3, _repository.SaveAttempts);
        Assert.Equal(EscalationLevel.Level2, _repository.Stored(1001).Level);
        Assert.Equal(2, _notifier.Notified.Count);
    }

    [Fact]
    public async Task Concurrent_changes_that_keep_coming_end_in_a_conflict()
    {
        await _service.OpenAsync(Incident(Severity.S3, CompleteIncident), Ivr, CancellationToken.None);
        _repository.ChangedConcurrently(5, OtherAgentAddsANote);

        var result = await _service.ChangeAsync(1001, Ana, (c, change) => c.Escalate("Carrier-side routing.", change), CancellationToken.None);

        Assert.Null(result.Case);
        Assert.NotNull(result.Error);
        Assert.Equal("conflict", result.Error.Code);
        Assert.Equal(ChangedMeanwhile, result.Error.Message);
        Assert.Equal(3, _repository.SaveAttempts);
        Assert.Equal(0, _repository.Saves);
        Assert.Single(_notifier.Notified);
        var stored = _repository.Stored(1001);
        Assert.Equal(EscalationLevel.Level1, stored.Level);
        Assert.Equal(3, stored.History.Count(e => e.Action == "note"));
        Assert.DoesNotContain(stored.History, e => e.Action == "escalated");
    }

    [Fact]
    public async Task Listing_reads_the_store_newest_first()
    {
        await _service.OpenAsync(Incident(Severity.S3, CompleteIncident), Ivr, CancellationToken.None);
        await _service.OpenAsync(Incident(Severity.S3, CaseDetails.Empty), Ivr, CancellationToken.None);
        await _service.OpenAsync(Incident(Severity.S1, CompleteIncident), Ivr, CancellationToken.None);

        var open = await _service.ListAsync(new CaseQuery { Status = CaseStatus.Open }, CancellationToken.None);
        var byCaller = await _service.ListAsync(new CaseQuery { Caller = "52 55 9876 5432" }, CancellationToken.None);

        Assert.Equal([1003L, 1001L], open.Select(c => c.Number));
        Assert.Equal([1003L, 1002L, 1001L], byCaller.Select(c => c.Number));
        Assert.Null(await _service.FindAsync(1004, CancellationToken.None));
    }

    private void OtherAgentAddsANote(SupportCase supportCase) =>
        Succeeds(supportCase.AddNote("Called the carrier.", isPublic: false, new CaseChange(Luis, _time.GetUtcNow(), DeskRules.Default)));
}
