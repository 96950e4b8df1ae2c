using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Cases.SampleCases;

namespace CallMyWay.Voice.Domain.Tests.Cases;

public class SupportCaseOpeningTests
{
    // Thursday 22:00 GMT-6: the desk closed at 21:00 and opens again on Friday at 06:00.
    private const string ThursdayNightClosed = "2026-11-26 22:00";

    [Fact]
    public void A_complete_report_opens_with_everything_the_caller_gave()
    {
        var supportCase = OpenIncident(Severity.S1, ThursdayNightClosed);

        Assert.Equal(0, supportCase.Number);
        Assert.Equal(CaseKind.Incident, supportCase.Kind);
        Assert.Equal(CaseChannel.Phone, supportCase.Channel);
        Assert.Equal(CaseStatus.Open, supportCase.Status);
        Assert.Equal(EscalationLevel.Level1, supportCase.Level);
        Assert.Null(supportCase.Assignee);
        Assert.Equal("+525598765432", supportCase.CallerNumber);
        Assert.Equal("+525541708422", supportCase.Did);
        Assert.Equal("MX", supportCase.Country);
        Assert.Equal("es", supportCase.Language);
        Assert.Equal(CompleteIncident, supportCase.Details);
        Assert.Equal(AffectedUsers.Several, supportCase.AffectedUsers);
        Assert.Equal(Interruption.NotWorking, supportCase.Interruption);
        Assert.Empty(supportCase.MissingInfo);
        Equal(ThursdayNightClosed, supportCase.CreatedAt);
        Equal(ThursdayNightClosed, supportCase.UpdatedAt);
        Assert.Null(supportCase.AttendedAt);
        Assert.Null(supportCase.ResolvedAt);
        Assert.Null(supportCase.ClosedAt);
    }

    [Fact]
    public void A_complete_report_starts_review_and_the_SLA_clock_at_once()
    {
        var supportCase = OpenIncident(Severity.S1, ThursdayNightClosed);

        Assert.Equal(Severity.S1, supportCase.Severity);
        Assert.False(supportCase.SeverityOverridden);
        Assert.Equal(At(ThursdayNightClosed), supportCase.ReviewStartedAt);
        Assert.Equal(At(ThursdayNightClosed), supportCase.SlaRunningSince);
        Assert.Equal(TimeSpan.Zero, supportCase.SlaConsumed);
    }

    [Theory]
    // S1 and S2 run around the clock, through the closed night.
    [InlineData(Severity.S1, "2026-11-26 23:00", "2026-11-27 01:00")]
    [InlineData(Severity.S2, "2026-11-26 23:30", "2026-11-27 02:00")]
    // S3 and S4 count business hours only: from Friday's 06:00 opening.
    [InlineData(Severity.S3, "2026-11-27 08:00", "2026-11-27 10:00")]
    [InlineData(Severity.S4, "2026-11-27 08:00", "2026-11-27 10:00")]
    public void Due_times_follow_the_severity_from_the_moment_of_opening(Severity severity, string attention, string resolution)
    {
        var supportCase = OpenIncident(severity, ThursdayNightClosed);

        Assert.Equal(severity, supportCase.Severity);
        AssertDue(supportCase, attention, resolution);
    }

    [Fact]
    public void An_incomplete_report_waits_for_information_with_no_clock_running()
    {
        var request = Incident(Severity.S3, CompleteIncident with { CounterpartNumber = null, OccurredAt = null });

        var supportCase = SupportCase.Open(request, By(Ivr, ThursdayNightClosed));

        Assert.Equal(CaseStatus.AwaitingInfo, supportCase.Status);
        Assert.Equal(["counterpartNumber", "occurredAt"], supportCase.MissingInfo);
        Assert.Null(supportCase.ReviewStartedAt);
        Assert.Null(supportCase.SlaRunningSince);
        Assert.Equal(TimeSpan.Zero, supportCase.SlaConsumed);
        Assert.Null(supportCase.AttentionDue);
        Assert.Null(supportCase.ResolutionDue);
    }

    [Fact]
    public void The_missing_items_are_asked_for_publicly_in_the_history()
    {
        var request = Incident(Severity.S3, CompleteIncident with { CounterpartNumber = null, OccurredAt = null });

        var supportCase = SupportCase.Open(request, By(Ivr, ThursdayNightClosed));

        Assert.Equal(3, supportCase.History.Count);
        var asked = supportCase.History[2];
        Assert.Equal("infoRequested", asked.Action);
        Assert.Equal("missing: counterpartNumber, occurredAt", asked.Detail);
        Assert.True(asked.IsPublic);
        Assert.Equal(Ivr, asked.Actor);
        Equal(ThursdayNightClosed, asked.At);
    }

    [Fact]
    public void Completing_the_report_opens_the_case_and_starts_the_clock_then()
    {
        var supportCase = SupportCase.Open(
            Incident(Severity.S3, CompleteIncident with { CounterpartNumber = null, OccurredAt = null }),
            By(Ivr, ThursdayNightClosed));

        var error = supportCase.ProvideInformation(
            new CaseDetails { CounterpartNumber = "+13055550100", OccurredAt = At("2026-11-26 21:30") },
            By(Customer, "2026-11-27 07:30"));

        Assert.Null(error);
        Assert.Equal(CaseStatus.Open, supportCase.Status);
        Assert.Empty(supportCase.MissingInfo);
        Assert.Equal(At("2026-11-27 07:30"), supportCase.ReviewStartedAt);
        Assert.Equal(At("2026-11-27 07:30"), supportCase.SlaRunningSince);
        Assert.Equal(TimeSpan.Zero, supportCase.SlaConsumed);
        AssertDue(supportCase, "2026-11-27 09:30", "2026-11-27 11:30");
        Assert.Equal("+13055550100", supportCase.Details.CounterpartNumber);
        Assert.Equal("201", supportCase.Details.Extension);
    }

    [Fact]
    public void A_critical_report_completed_at_night_runs_its_clock_through_the_night()
    {
        var supportCase = SupportCase.Open(
            Incident(Severity.S1, CompleteIncident with { Extension = null }),
            By(Ivr, ThursdayNightClosed));

        Assert.Null(supportCase.ProvideInformation(new CaseDetails { Extension = "201" }, By(Customer, "2026-11-27 03:00")));

        Assert.Equal(CaseStatus.Open, supportCase.Status);
        AssertDue(supportCase, "2026-11-27 04:00", "2026-11-27 06:00");
    }

    [Fact]
    public void Partial_information_is_recorded_and_the_case_keeps_waiting()
    {
        var supportCase = SupportCase.Open(
            Incident(Severity.S3, CompleteIncident with { CounterpartNumber = null, OccurredAt = null }),
            By(Ivr, ThursdayNightClosed));
        var entries = supportCase.History.Count;

        Assert.Null(supportCase.ProvideInformation(new CaseDetails { CounterpartNumber = "+13055550100" }, By(Customer, "2026-11-27 07:00")));

        Assert.Equal(CaseStatus.AwaitingInfo, supportCase.Status);
        Assert.Equal(["occurredAt"], supportCase.MissingInfo);
        Assert.Null(supportCase.SlaRunningSince);
        Assert.Null(supportCase.AttentionDue);
        Assert.Equal(entries + 1, supportCase.History.Count);
        var entry = supportCase.History[^1];
        Assert.Equal("details", entry.Action);
        Assert.Equal("information received: counterpartNumber", entry.Detail);
        Assert.Equal(Customer, entry.Actor);
        Equal("2026-11-27 07:00", entry.At);
    }

    [Fact]
    public void Information_already_known_changes_nothing()
    {
        var supportCase = OpenIncident(Severity.S3, "2026-11-26 10:00");
        var before = CaseSnapshot.Of(supportCase);

        Assert.Null(supportCase.ProvideInformation(new CaseDetails { Extension = "201" }, By(Customer, "2026-11-26 10:30")));

        Assert.Equal(before, CaseSnapshot.Of(supportCase));
    }

    [Fact]
    public void New_details_on_an_open_case_are_recorded_without_touching_the_clock()
    {
        var supportCase = OpenIncident(Severity.S3, "2026-11-26 10:00");

        Assert.Null(supportCase.ProvideInformation(new CaseDetails { Description = "Only calls to Colombia fail." }, By(Ana, "2026-11-26 10:30")));

        Assert.Equal(CaseStatus.Open, supportCase.Status);
        Assert.Equal("Only calls to Colombia fail.", supportCase.Details.Description);
        Assert.Equal(At("2026-11-26 10:00"), supportCase.SlaRunningSince);
        AssertDue(supportCase, "2026-11-26 12:00", "2026-11-26 14:00");
        Assert.Equal("details updated", supportCase.History[^1].Detail);
        Assert.Equal(Ana, supportCase.History[^1].Actor);
    }

    [Fact]
    public void An_agent_may_override_the_matrix()
    {
        var request = Incident(Severity.S4, CompleteIncident) with { Severity = Severity.S1 };

        var supportCase = SupportCase.Open(request, By(Ana, ThursdayNightClosed));

        Assert.Equal(Severity.S1, supportCase.Severity);
        Assert.True(supportCase.SeverityOverridden);
        AssertDue(supportCase, "2026-11-26 23:00", "2026-11-27 01:00");
        Assert.Equal("incident case opened by phone, severity S1", supportCase.History[0].Detail);
    }

    [Theory]
    // Requests and questions are low impact by the seed's definition; an incident of unknown impact is normal.
    [InlineData(CaseKind.Incident, Severity.S3)]
    [InlineData(CaseKind.Callback, Severity.S3)]
    [InlineData(CaseKind.Activation, Severity.S4)]
    [InlineData(CaseKind.Inquiry, Severity.S4)]
    public void Without_users_and_interruption_the_kind_decides_the_severity(CaseKind kind, Severity expected)
    {
        var supportCase = SupportCase.Open(new NewCase { Kind = kind, Channel = CaseChannel.Email }, By(Customer, "2026-11-26 10:00"));

        Assert.Equal(expected, supportCase.Severity);
        Assert.False(supportCase.SeverityOverridden);
    }

    [Fact]
    public void An_inquiry_by_email_opens_at_once_because_it_needs_nothing()
    {
        var request = new NewCase
        {
            Kind = CaseKind.Inquiry,
            Channel = CaseChannel.Email,
            CallerEmail = "it@acme.example",
            CallerName = "Carla Méndez",
            Subject = "Invoice question",
        };

        var supportCase = SupportCase.Open(request, By(Customer, "2026-11-28 16:00"));

        Assert.Equal(CaseStatus.Open, supportCase.Status);
        Assert.Equal("it@acme.example", supportCase.CallerEmail);
        Assert.Equal("Carla Méndez", supportCase.CallerName);
        Assert.Equal("Invoice question", supportCase.Subject);
        // Saturday closes at 17:00: one hour counts today, the rest from Sunday's 07:00 opening.
        AssertDue(supportCase, "2026-11-29 08:00", "2026-11-29 10:00");
        Assert.Equal("inquiry case opened by email, severity S4", supportCase.History[0].Detail);
    }

    [Fact]
    public void An_activation_by_phone_waits_for_the_written_name_and_the_Teams_email()
    {
        var spoken = CompleteSipActivation with { FullName = null, ExtensionType = ExtensionType.Teams };
        var request = new NewCase { Kind = CaseKind.Activation, Channel = CaseChannel.Phone, Details = spoken };

        var supportCase = SupportCase.Open(request, By(Ivr, "2026-11-26 10:00"));
        Assert.Equal(CaseStatus.AwaitingInfo, supportCase.Status);
        Assert.Equal(["fullName", "teamsEmail"], supportCase.MissingInfo);
        Assert.Equal("missing: fullName, teamsEmail", supportCase.History[^1].Detail);

        Assert.Null(supportCase.ProvideInformation(new CaseDetails { FullName = "María Fernanda López" }, By(Customer, "2026-11-26 11:00")));
        Assert.Equal(CaseStatus.AwaitingInfo, supportCase.Status);
        Assert.Equal("information received: fullName", supportCase.History[^1].Detail);

        Assert.Null(supportCase.ProvideInformation(new CaseDetails { TeamsEmail = "maria.lopez@acme.example" }, By(Customer, "2026-11-26 11:30")));
        Assert.Equal(CaseStatus.Open, supportCase.Status);
        Assert.Equal(Severity.S4, supportCase.Severity);
        AssertDue(supportCase, "2026-11-26 13:30", "2026-11-26 15:30");
        Assert.Equal(["information received: teamsEmail", "awaitingInfo → open"], supportCase.History.TakeLast(2).Select(e => e.Detail));
    }
}
