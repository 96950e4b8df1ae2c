using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Cases.SampleCases;

namespace CallMyWay.Voice.Domain.Tests.Cases;

public class SupportCaseSeverityTests
{
    [Fact]
    public void Raising_the_severity_keeps_the_time_already_used_and_applies_the_new_targets()
    {
        // Thursday 20:00, S3: due Friday 07:00 and 09:00 in business hours.
        var supportCase = OpenIncident(Severity.S3, "2026-11-26 20:00");
        AssertDue(supportCase, "2026-11-27 07:00", "2026-11-27 09:00");

        Assert.Null(supportCase.ChangeSeverity(Severity.S1, "The whole office is down after all.", By(Ana, "2026-11-26 20:30")));

        Assert.Equal(Severity.S1, supportCase.Severity);
        Assert.True(supportCase.SeverityOverridden);
        Assert.Equal(TimeSpan.FromMinutes(30), supportCase.SlaConsumed);
        Assert.Equal(At("2026-11-26 20:30"), supportCase.SlaRunningSince);
        // S1 runs around the clock: 1 h − 30 min and 3 h − 30 min from 20:30.
        AssertDue(supportCase, "2026-11-26 21:00", "2026-11-26 23:00");
        var entry = supportCase.History[^1];
        Assert.Equal(("severity", "S3 → S1: The whole office is down after all.", false, Ana), (entry.Action, entry.Detail, entry.IsPublic, entry.Actor));
    }

    [Fact]
    public void Lowering_the_severity_counts_the_night_already_run_on_the_critical_clock()
    {
        var supportCase = OpenIncident(Severity.S3, "2026-11-26 20:00");
        Assert.Null(supportCase.ChangeSeverity(Severity.S1, "Office down.", By(Ana, "2026-11-26 20:30")));

        Assert.Null(supportCase.ChangeSeverity(Severity.S3, "Only one phone is affected.", By(Ana, "2026-11-26 22:00")));

        // 30 min in business hours, then 1 h 30 min around the clock: the 2 h of attention are used up.
        Assert.Equal(TimeSpan.FromHours(2), supportCase.SlaConsumed);
        Assert.Equal(At("2026-11-26 22:00"), supportCase.SlaRunningSince);
        AssertDue(supportCase, "2026-11-26 22:00", "2026-11-27 08:00");
    }

    [Fact]
    public void Grading_a_case_on_hold_applies_when_the_clock_resumes()
    {
        var supportCase = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:10");
        Assert.Null(supportCase.RequestInformation("Which trunk?", By(Ana, "2026-11-26 11:00")));

        Assert.Null(supportCase.ChangeSeverity(Severity.S1, "Office down.", By(Ana, "2026-11-26 12:00")));
        Assert.Null(supportCase.SlaRunningSince);
        Assert.Equal(TimeSpan.FromHours(1), supportCase.SlaConsumed);

        Assert.Null(supportCase.InformationReceived("Trunk 2.", By(Ana, "2026-11-26 13:00")));
        AssertDue(supportCase, "2026-11-26 13:00", "2026-11-26 15:00");
    }

    [Fact]
    public void Grading_an_incomplete_case_sets_the_targets_its_review_will_run_on()
    {
        var supportCase = SupportCase.Open(Incident(Severity.S4, CompleteIncident with { Extension = null }), By(Ivr, "2026-11-26 22:00"));

        Assert.Null(supportCase.ChangeSeverity(Severity.S2, string.Empty, By(Ana, "2026-11-26 22:10")));
        Assert.Null(supportCase.AttentionDue);
        Assert.Equal("S4 → S2", supportCase.History[^1].Detail);

        Assert.Null(supportCase.ProvideInformation(new CaseDetails { Extension = "201" }, By(Customer, "2026-11-26 23:00")));
        AssertDue(supportCase, "2026-11-27 00:30", "2026-11-27 03:00");
    }

    [Fact]
    public void The_same_severity_changes_nothing()
    {
        var supportCase = OpenIncident(Severity.S3, "2026-11-26 10:00");
        var before = CaseSnapshot.Of(supportCase);

        Assert.Null(supportCase.ChangeSeverity(Severity.S3, "Confirming.", By(Ana, "2026-11-26 11:00")));

        Assert.Equal(before, CaseSnapshot.Of(supportCase));
    }
}
