using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using static CallMyWay.Voice.Domain.Tests.Cases.SampleCases;

namespace CallMyWay.Voice.Domain.Tests.Cases;

public class SupportCaseEscalationTests
{
    [Fact]
    public void A_case_climbs_level_1_to_2_to_3_with_its_reasons_on_record()
    {
        var supportCase = InProgressIncident(Severity.S2, "2026-11-26 10:00", "2026-11-26 10:10");

        Assert.Null(supportCase.Escalate("Diagnostics point at the carrier's routing.", By(Ana, "2026-11-26 10:40")));
        Assert.Equal(EscalationLevel.Level2, supportCase.Level);
        var first = supportCase.History[^1];
        Assert.Equal("escalated", first.Action);
        Assert.Equal("level 1 → level 2: Diagnostics point at the carrier's routing.", first.Detail);
        Assert.Equal(Ana, first.Actor);

        Assert.Null(supportCase.Escalate("  Needs a change in the SBC configuration. ", By(Luis, "2026-11-26 11:30")));
        Assert.Equal(EscalationLevel.Level3, supportCase.Level);
        var second = supportCase.History[^1];
        Assert.Equal("level 2 → level 3: Needs a change in the SBC configuration.", second.Detail);
        Assert.Equal(Luis, second.Actor);
    }

    [Fact]
    public void Escalating_hands_the_case_to_the_next_levels_group()
    {
        var supportCase = InProgressIncident(Severity.S2, "2026-11-26 10:00", "2026-11-26 10:10");

        Assert.Null(supportCase.Escalate("Needs a specialist.", By(Ana, "2026-11-26 10:40")));

        Assert.Null(supportCase.Assignee);
        Assert.Equal(CaseStatus.InProgress, supportCase.Status);
        // Attention was given; the next level can take it over.
        Assert.Null(supportCase.Assign(Luis, By(Luis, "2026-11-26 10:50")));
        Assert.Equal(Luis, supportCase.Assignee);
    }

    [Fact]
    public void Escalating_does_not_touch_the_SLA_clock()
    {
        var supportCase = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:10");
        var runningSince = supportCase.SlaRunningSince;

        Assert.Null(supportCase.Escalate("Needs a specialist.", By(Ana, "2026-11-26 10:40")));

        Assert.Equal(runningSince, supportCase.SlaRunningSince);
        Assert.Equal(TimeSpan.Zero, supportCase.SlaConsumed);
        AssertDue(supportCase, "2026-11-26 12:00", "2026-11-26 14:00");
    }

    [Fact]
    public void There_is_no_level_beyond_3()
    {
        var supportCase = InProgressIncident(Severity.S2, "2026-11-26 10:00", "2026-11-26 10:10");
        Assert.Null(supportCase.Escalate("Specialist.", By(Ana, "2026-11-26 10:40")));
        Assert.Null(supportCase.Escalate("Advanced support.", By(Luis, "2026-11-26 11:30")));
        var before = CaseSnapshot.Of(supportCase);

        var error = supportCase.Escalate("Even higher.", By(Luis, "2026-11-26 12:00"));

        Assert.NotNull(error);
        Assert.Equal("case.top-level", error.Code);
        Assert.Equal("The case is already at level 3, the highest support level.", error.Message);
        Assert.Equal(before, CaseSnapshot.Of(supportCase));
        Assert.Equal(EscalationLevel.Level3, supportCase.Level);
    }
}
