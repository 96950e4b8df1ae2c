using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Cases.SampleCases;

namespace CallMyWay.Voice.Domain.Tests.Cases;

public class SupportCaseLifecycleTests
{
    [Fact]
    public void Assigning_an_open_case_attends_it_and_puts_it_in_progress()
    {
        var supportCase = OpenIncident(Severity.S3, "2026-11-26 10:00");

        Assert.Null(supportCase.Assign(Ana, By(Luis, "2026-11-26 10:20")));

        Assert.Equal(CaseStatus.InProgress, supportCase.Status);
        Assert.Equal(Ana, supportCase.Assignee);
        Equal("2026-11-26 10:20", supportCase.AttendedAt!.Value);
        // Attention is met, but the clock keeps running towards resolution.
        Assert.Equal(At("2026-11-26 10:00"), supportCase.SlaRunningSince);
        AssertDue(supportCase, "2026-11-26 12:00", "2026-11-26 14:00");
    }

    [Fact]
    public void Reassigning_keeps_the_first_attention_time()
    {
        var supportCase = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:20");

        Assert.Null(supportCase.Assign("  " + Luis + " ", By(Ana, "2026-11-26 11:00")));

        Assert.Equal(CaseStatus.InProgress, supportCase.Status);
        Assert.Equal(Luis, supportCase.Assignee);
        Equal("2026-11-26 10:20", supportCase.AttendedAt!.Value);
        Assert.Equal($"reassigned from {Ana} to {Luis}", supportCase.History[^1].Detail);
    }

    [Fact]
    public void Assigning_a_case_that_waits_for_information_does_not_attend_it()
    {
        var supportCase = SupportCase.Open(Incident(Severity.S3, CompleteIncident with { Extension = null }), By(Ivr, "2026-11-26 10:00"));

        Assert.Null(supportCase.Assign(Ana, By(Luis, "2026-11-26 10:20")));

        Assert.Equal(CaseStatus.AwaitingInfo, supportCase.Status);
        Assert.Equal(Ana, supportCase.Assignee);
        Assert.Null(supportCase.AttendedAt);
        Assert.Null(supportCase.SlaRunningSince);
    }

    [Fact]
    public void Starting_an_open_case_assigns_it_to_whoever_starts_it()
    {
        var supportCase = OpenIncident(Severity.S2, "2026-11-26 10:00");

        Assert.Null(supportCase.Start(By(Luis, "2026-11-26 10:45")));

        Assert.Equal(CaseStatus.InProgress, supportCase.Status);
        Assert.Equal(Luis, supportCase.Assignee);
        Equal("2026-11-26 10:45", supportCase.AttendedAt!.Value);
        Assert.Equal(
            [("assigned", $"assigned to {Luis}", false), ("status", "open → inProgress", true)],
            supportCase.History.TakeLast(2).Select(e => (e.Action, e.Detail, e.IsPublic)));
        Assert.All(supportCase.History.TakeLast(2), e => Assert.Equal(Luis, e.Actor));
    }

    [Fact]
    public void Starting_keeps_an_agent_assigned_before()
    {
        var supportCase = SupportCase.Open(Incident(Severity.S3, CompleteIncident with { Extension = null }), By(Ivr, "2026-11-26 10:00"));
        Assert.Null(supportCase.Assign(Ana, By(Luis, "2026-11-26 10:05")));
        Assert.Null(supportCase.ProvideInformation(new CaseDetails { Extension = "201" }, By(Customer, "2026-11-26 10:10")));
        Assert.Equal(CaseStatus.Open, supportCase.Status);
        var entries = supportCase.History.Count;

        Assert.Null(supportCase.Start(By(Ana, "2026-11-26 10:15")));

        Assert.Equal(CaseStatus.InProgress, supportCase.Status);
        Assert.Equal(Ana, supportCase.Assignee);
        Assert.Equal(entries + 1, supportCase.History.Count);
        Assert.Equal("open → inProgress", supportCase.History[^1].Detail);
    }

    [Fact]
    public void Resolving_stops_the_clock_and_banks_the_working_time()
    {
        var supportCase = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:20");

        Assert.Null(supportCase.Resolve("  Route fixed at the carrier.  ", By(Ana, "2026-11-26 11:15")));

        Assert.Equal(CaseStatus.Resolved, supportCase.Status);
        Equal("2026-11-26 11:15", supportCase.ResolvedAt!.Value);
        Equal("2026-11-26 10:20", supportCase.AttendedAt!.Value);
        Assert.Null(supportCase.SlaRunningSince);
        Assert.Equal(TimeSpan.FromMinutes(75), supportCase.SlaConsumed);
        // The promise stays on record, to judge whether it was kept.
        AssertDue(supportCase, "2026-11-26 12:00", "2026-11-26 14:00");
        var resolved = supportCase.History[^1];
        Assert.Equal("resolved", resolved.Action);
        Assert.Equal("Route fixed at the carrier.", resolved.Detail);
        Assert.True(resolved.IsPublic);
        Assert.Equal("inProgress → resolved", supportCase.History[^2].Detail);
    }

    [Fact]
    public void Resolving_an_untaken_case_counts_as_attending_it()
    {
        var supportCase = OpenIncident(Severity.S4, "2026-11-26 10:00");

        Assert.Null(supportCase.Resolve("Answered the question by phone.", By(Ana, "2026-11-26 10:30")));

        Assert.Equal(CaseStatus.Resolved, supportCase.Status);
        Equal("2026-11-26 10:30", supportCase.AttendedAt!.Value);
        Assert.Null(supportCase.Assignee);
    }

    [Fact]
    public void The_customers_confirmation_closes_a_resolved_case()
    {
        var supportCase = ResolvedIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 11:00");

        Assert.Null(supportCase.ConfirmResolution("Customer confirmed by e-mail.", By(Customer, "2026-11-27 09:00")));

        Assert.Equal(CaseStatus.Closed, supportCase.Status);
        Equal("2026-11-27 09:00", supportCase.ClosedAt!.Value);
        Equal("2026-11-26 11:00", supportCase.ResolvedAt!.Value);
        Assert.Null(supportCase.SlaRunningSince);
        Assert.Equal(TimeSpan.FromHours(1), supportCase.SlaConsumed);
        Assert.Equal(
            [("status", "resolved → closed", true), ("confirmed", "Customer confirmed by e-mail.", true)],
            supportCase.History.TakeLast(2).Select(e => (e.Action, e.Detail, e.IsPublic)));
    }

    [Fact]
    public void Reopening_resumes_the_clock_with_the_working_time_already_used()
    {
        var supportCase = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:10");
        Assert.Null(supportCase.Resolve("Route fixed.", By(Ana, "2026-11-26 11:00")));

        Assert.Null(supportCase.Reopen("Calls to Colombia still fail.", By(Customer, "2026-11-26 15:00")));

        // The assignee keeps working it.
        Assert.Equal(CaseStatus.InProgress, supportCase.Status);
        Assert.Null(supportCase.ResolvedAt);
        Assert.Equal(Ana, supportCase.Assignee);
        Assert.Equal(At("2026-11-26 15:00"), supportCase.SlaRunningSince);
        Assert.Equal(TimeSpan.FromHours(1), supportCase.SlaConsumed);
        // One hour of two for attention and of four for resolution were used: the rest counts from 15:00.
        // The four hours spent resolved moved both due times by four hours.
        AssertDue(supportCase, "2026-11-26 16:00", "2026-11-26 18:00");
        Assert.Equal(
            [("status", "resolved → inProgress", true), ("reopened", "Calls to Colombia still fail.", true)],
            supportCase.History.TakeLast(2).Select(e => (e.Action, e.Detail, e.IsPublic)));
    }

    [Fact]
    public void A_reopened_case_with_its_attention_time_used_up_is_due_for_attention_at_once()
    {
        // Friday 18:00 → 20:00 uses the whole two hours of attention; the desk then reopens Saturday at 07:00.
        var supportCase = ResolvedIncident(Severity.S3, "2026-11-27 18:00", "2026-11-27 20:00");
        Assert.Equal(TimeSpan.FromHours(2), supportCase.SlaConsumed);

        Assert.Null(supportCase.Reopen("Not solved.", By(Customer, "2026-11-28 08:00")));

        // Nobody is assigned, so the desk picks it up again.
        Assert.Equal(CaseStatus.Open, supportCase.Status);
        AssertDue(supportCase, "2026-11-28 08:00", "2026-11-28 10:00");
    }

    [Fact]
    public void A_reopened_case_resolves_and_closes_again_with_the_time_of_both_rounds()
    {
        var supportCase = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:10");
        Assert.Null(supportCase.Resolve("Route fixed.", By(Ana, "2026-11-26 11:00")));
        Assert.Null(supportCase.Reopen("Still failing.", By(Customer, "2026-11-26 15:00")));

        Assert.Null(supportCase.Resolve("Carrier replaced the gateway.", By(Ana, "2026-11-26 16:30")));
        Assert.Null(supportCase.ConfirmResolution("Customer confirmed by phone.", By(Customer, "2026-11-26 17:00")));

        Assert.Equal(CaseStatus.Closed, supportCase.Status);
        Assert.Equal(TimeSpan.FromMinutes(150), supportCase.SlaConsumed);
        Equal("2026-11-26 16:30", supportCase.ResolvedAt!.Value);
        Equal("2026-11-26 17:00", supportCase.ClosedAt!.Value);
    }
}
