using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Cases.SampleCases;

namespace CallMyWay.Voice.Domain.Tests.Sla;

public sealed class SlaComplianceReportTests
{
    // Thursday 2026-11-26, desk open. S1: attend 1 h / solve 3 h around the clock; S3: 2 h / 4 h on business hours.
    private static List<SupportCase> Fixture()
    {
        var attendedAndSolvedInTime = InProgressIncident(Severity.S1, "2026-11-26 10:00", "2026-11-26 10:30");
        Succeeds(attendedAndSolvedInTime.Resolve("fixed", By(Ana, "2026-11-26 12:00")));

        var attendedLateSolvedInTime = InProgressIncident(Severity.S1, "2026-11-26 10:00", "2026-11-26 11:30");
        Succeeds(attendedLateSolvedInTime.Resolve("fixed", By(Ana, "2026-11-26 12:30")));

        var solvedLate = InProgressIncident(Severity.S3, "2026-11-26 09:00", "2026-11-26 10:00");
        Succeeds(solvedLate.Resolve("fixed", By(Ana, "2026-11-26 14:00")));

        var neverAttended = OpenIncident(Severity.S1, "2026-11-26 15:00");
        var stillRunning = OpenIncident(Severity.S3, "2026-11-26 17:30");
        var outsideThePeriod = OpenIncident(Severity.S1, "2026-11-20 10:00");
        return [attendedAndSolvedInTime, attendedLateSolvedInTime, solvedLate, neverAttended, stillRunning, outsideThePeriod];
    }

    [Fact]
    public void Each_target_is_counted_as_met_breached_or_pending_at_the_time_of_the_report()
    {
        var report = SlaComplianceReport.Build(Fixture(), At("2026-11-26 00:00"), At("2026-11-27 00:00"), now: At("2026-11-26 18:30"));

        Assert.Equal(5, report.Total.Cases);
        Assert.Equal(new SlaComplianceRow("all", 5, AttentionMet: 2, AttentionBreached: 2, AttentionPending: 1, ResolutionMet: 2, ResolutionBreached: 2, ResolutionPending: 1), report.Total);
        Assert.Equal(50.0, report.Total.AttentionCompliance);
        var s1 = report.BySeverity.Single(r => r.Key == "S1");
        Assert.Equal((3, 1, 2, 0, 2, 1, 0), (s1.Cases, s1.AttentionMet, s1.AttentionBreached, s1.AttentionPending, s1.ResolutionMet, s1.ResolutionBreached, s1.ResolutionPending));
        var s3 = report.BySeverity.Single(r => r.Key == "S3");
        Assert.Equal((2, 1, 0, 1, 0, 1, 1), (s3.Cases, s3.AttentionMet, s3.AttentionBreached, s3.AttentionPending, s3.ResolutionMet, s3.ResolutionBreached, s3.ResolutionPending));
        Assert.Equal(["MX"], report.ByCountry.Select(r => r.Key));
        Assert.Equal(["phone"], report.ByChannel.Select(r => r.Key));
    }

    [Fact]
    public void A_period_without_decided_targets_has_no_compliance_rate()
    {
        var report = SlaComplianceReport.Build([OpenIncident(Severity.S3, "2026-11-26 17:30")], At("2026-11-26 00:00"), At("2026-11-27 00:00"), now: At("2026-11-26 18:00"));

        Assert.Null(report.Total.AttentionCompliance);
        Assert.Equal(1, report.Total.AttentionPending);
    }
}
