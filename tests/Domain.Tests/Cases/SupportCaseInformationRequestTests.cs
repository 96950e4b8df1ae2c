using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Cases.SampleCases;

namespace CallMyWay.Voice.Domain.Tests.Cases;

public class SupportCaseInformationRequestTests
{
    [Fact]
    public void Asking_the_customer_puts_the_case_on_hold_and_stops_the_clock()
    {
        var supportCase = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:30");

        Assert.Null(supportCase.RequestInformation("Please send the exact time of a failed call.", By(Ana, "2026-11-26 11:00")));

        Assert.Equal(CaseStatus.AwaitingInfo, supportCase.Status);
        Assert.Null(supportCase.SlaRunningSince);
        Assert.Equal(TimeSpan.FromHours(1), supportCase.SlaConsumed);
        // The checklist was complete: nothing is missing from it, the agent wants something more.
        Assert.Empty(supportCase.MissingInfo);
        Assert.Equal(
            [("status", "inProgress → awaitingInfo", true), ("infoRequested", "Please send the exact time of a failed call.", true)],
            supportCase.History.TakeLast(2).Select(e => (e.Action, e.Detail, e.IsPublic)));
    }

    [Fact]
    public void The_answer_resumes_the_case_and_due_times_move_by_the_time_on_hold()
    {
        var supportCase = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:30");
        AssertDue(supportCase, "2026-11-26 12:00", "2026-11-26 14:00");
        Assert.Null(supportCase.RequestInformation("Please send the exact time of a failed call.", By(Ana, "2026-11-26 11:00")));

        Assert.Null(supportCase.InformationReceived("Customer sent the time: 09:41.", By(Ana, "2026-11-26 20:00")));

        // Back to the agent who had it.
        Assert.Equal(CaseStatus.InProgress, supportCase.Status);
        Assert.Equal(At("2026-11-26 20:00"), supportCase.SlaRunningSince);
        Assert.Equal(TimeSpan.FromHours(1), supportCase.SlaConsumed);
        Equal("2026-11-26 10:30", supportCase.AttendedAt!.Value);
        // Nine working hours on hold (11:00–20:00): attention 12:00 → 21:00; resolution 14:00 → 23:00, which
        // is after Thursday's 21:00 close, so the last two hours fall on Friday from 06:00.
        AssertDue(supportCase, "2026-11-26 21:00", "2026-11-27 08:00");
        Assert.Equal(
            [("infoReceived", "Customer sent the time: 09:41.", true), ("status", "awaitingInfo → inProgress", true)],
            supportCase.History.TakeLast(2).Select(e => (e.Action, e.Detail, e.IsPublic)));
    }

    [Fact]
    public void A_critical_case_on_hold_overnight_moves_its_due_times_by_the_wall_clock_time_on_hold()
    {
        var supportCase = OpenIncident(Severity.S1, "2026-11-26 22:00");
        AssertDue(supportCase, "2026-11-26 23:00", "2026-11-27 01:00");

        Assert.Null(supportCase.RequestInformation("Which trunk?", By(Ana, "2026-11-26 22:30")));
        Assert.Null(supportCase.InformationReceived("Trunk 2.", By(Ana, "2026-11-27 00:30")));

        // Never attended, so it is open again for whoever takes it.
        Assert.Equal(CaseStatus.Open, supportCase.Status);
        Assert.Equal(TimeSpan.FromMinutes(30), supportCase.SlaConsumed);
        AssertDue(supportCase, "2026-11-27 01:00", "2026-11-27 03:00");
    }

    [Fact]
    public void While_on_hold_the_last_due_times_stay_on_record()
    {
        var supportCase = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:30");

        Assert.Null(supportCase.RequestInformation("Which extension?", By(Ana, "2026-11-26 11:00")));

        AssertDue(supportCase, "2026-11-26 12:00", "2026-11-26 14:00");
    }

    [Fact]
    public void An_answer_without_words_is_recorded_as_such()
    {
        var supportCase = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:30");
        Assert.Null(supportCase.RequestInformation("Which extension?", By(Ana, "2026-11-26 11:00")));

        Assert.Null(supportCase.InformationReceived("  ", By(Ana, "2026-11-26 11:30")));

        Assert.Equal("the customer answered", supportCase.History[^2].Detail);
        Assert.Equal(CaseStatus.InProgress, supportCase.Status);
    }

    [Fact]
    public void Details_sent_while_on_hold_count_as_the_answer()
    {
        var supportCase = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:30");
        Assert.Null(supportCase.RequestInformation("Describe what the caller hears.", By(Ana, "2026-11-26 11:00")));

        Assert.Null(supportCase.ProvideInformation(new CaseDetails { Description = "A busy tone." }, By(Customer, "2026-11-26 12:00")));

        Assert.Equal(CaseStatus.InProgress, supportCase.Status);
        Assert.Equal(At("2026-11-26 12:00"), supportCase.SlaRunningSince);
        AssertDue(supportCase, "2026-11-26 13:00", "2026-11-26 15:00");
    }

    [Fact]
    public void A_case_can_be_put_on_hold_again_after_an_answer()
    {
        var supportCase = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:30");
        Assert.Null(supportCase.RequestInformation("Which extension?", By(Ana, "2026-11-26 11:00")));
        Assert.Null(supportCase.InformationReceived("201.", By(Ana, "2026-11-26 12:00")));

        Assert.Null(supportCase.RequestInformation("And the counterpart?", By(Ana, "2026-11-26 12:30")));
        Assert.Null(supportCase.InformationReceived("+13055550100.", By(Ana, "2026-11-26 13:00")));

        // 10:00–11:00 and 12:00–12:30 counted.
        Assert.Equal(TimeSpan.FromMinutes(90), supportCase.SlaConsumed);
        AssertDue(supportCase, "2026-11-26 13:30", "2026-11-26 15:30");
    }
}
