using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Cases.SampleCases;

namespace CallMyWay.Voice.Domain.Tests.Cases;

public class SupportCaseHistoryTests
{
    [Fact]
    public void Every_change_is_recorded_with_who_when_and_what_and_whether_the_customer_sees_it()
    {
        var supportCase = SupportCase.Open(Incident(Severity.S3, CompleteIncident with { OccurredAt = null }), By(Ivr, "2026-11-26 09:50"));
        Succeeds(supportCase.ProvideInformation(new CaseDetails { OccurredAt = At("2026-11-26 09:40") }, By(Customer, "2026-11-26 10:00")));
        Succeeds(supportCase.Assign(Ana, By(Luis, "2026-11-26 10:20")));
        Succeeds(supportCase.AddNote("  Trunk logs show 503 from the carrier.  ", isPublic: false, By(Ana, "2026-11-26 10:30")));
        Succeeds(supportCase.AddNote("We are checking with the carrier.", isPublic: true, By(Ana, "2026-11-26 10:35")));
        Succeeds(supportCase.ChangeSeverity(Severity.S2, "Three more users called.", By(Ana, "2026-11-26 10:40")));
        Succeeds(supportCase.Escalate("Carrier-side routing.", By(Ana, "2026-11-26 10:45")));
        Succeeds(supportCase.RequestInformation("Does it fail for calls to mobiles too?", By(Luis, "2026-11-26 11:00")));
        Succeeds(supportCase.InformationReceived("Only to landlines.", By(Luis, "2026-11-26 11:20")));
        Succeeds(supportCase.Resolve("The carrier fixed the route to landlines.", By(Luis, "2026-11-26 12:30")));
        Succeeds(supportCase.Reopen("Some calls still fail.", By(Customer, "2026-11-26 13:00")));
        Succeeds(supportCase.Assign(Luis, By(Luis, "2026-11-26 13:05")));
        Succeeds(supportCase.Resolve("Second route fixed too.", By(Luis, "2026-11-26 14:00")));
        Succeeds(supportCase.ConfirmResolution("Customer confirmed by e-mail.", By(Customer, "2026-11-27 09:00")));

        (string At, string Actor, string Action, string Detail, bool IsPublic)[] expected =
        [
            ("2026-11-26 09:50", Ivr, "created", "incident case opened by phone, severity S3", true),
            ("2026-11-26 09:50", Ivr, "status", "new → awaitingInfo", true),
            ("2026-11-26 09:50", Ivr, "infoRequested", "missing: occurredAt", true),
            ("2026-11-26 10:00", Customer, "details", "information received: occurredAt", false),
            ("2026-11-26 10:00", Customer, "status", "awaitingInfo → open", true),
            ("2026-11-26 10:20", Luis, "assigned", $"assigned to {Ana}", false),
            ("2026-11-26 10:20", Luis, "status", "open → inProgress", true),
            ("2026-11-26 10:30", Ana, "note", "Trunk logs show 503 from the carrier.", false),
            ("2026-11-26 10:35", Ana, "note", "We are checking with the carrier.", true),
            ("2026-11-26 10:40", Ana, "severity", "S3 → S2: Three more users called.", false),
            ("2026-11-26 10:45", Ana, "escalated", "level 1 → level 2: Carrier-side routing.", false),
            ("2026-11-26 11:00", Luis, "status", "inProgress → awaitingInfo", true),
            ("2026-11-26 11:00", Luis, "infoRequested", "Does it fail for calls to mobiles too?", true),
            ("2026-11-26 11:20", Luis, "infoReceived", "Only to landlines.", true),
            // Escalation left it without an assignee, so the answer puts it back in the queue.
            ("2026-11-26 11:20", Luis, "status", "awaitingInfo → open", true),
            ("2026-11-26 12:30", Luis, "status", "open → resolved", true),
            ("2026-11-26 12:30", Luis, "resolved", "The carrier fixed the route to landlines.", true),
            ("2026-11-26 13:00", Customer, "status", "resolved → open", true),
            ("2026-11-26 13:00", Customer, "reopened", "Some calls still fail.", true),
            ("2026-11-26 13:05", Luis, "assigned", $"assigned to {Luis}", false),
            ("2026-11-26 13:05", Luis, "status", "open → inProgress", true),
            ("2026-11-26 14:00", Luis, "status", "inProgress → resolved", true),
            ("2026-11-26 14:00", Luis, "resolved", "Second route fixed too.", true),
            ("2026-11-27 09:00", Customer, "status", "resolved → closed", true),
            ("2026-11-27 09:00", Customer, "confirmed", "Customer confirmed by e-mail.", true),
        ];
        Assert.Equal(expected.Length, supportCase.History.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var entry = supportCase.History[i];
            Equal(expected[i].At, entry.At);
            Assert.Equal((expected[i].Actor, expected[i].Action, expected[i].Detail, expected[i].IsPublic), (entry.Actor, entry.Action, entry.Detail, entry.IsPublic));
        }
    }

    [Fact]
    public void The_version_counts_the_changes_and_the_case_remembers_the_last_one()
    {
        var supportCase = OpenIncident(Severity.S3, "2026-11-26 10:00");
        Assert.Equal(2, supportCase.Version);

        Succeeds(supportCase.AddNote("Called the customer.", isPublic: false, By(Ana, "2026-11-26 10:05")));
        Succeeds(supportCase.Assign(Ana, By(Ana, "2026-11-26 10:10")));

        Assert.Equal(5, supportCase.Version);
        Assert.Equal(supportCase.History.Count, supportCase.Version);
        Equal("2026-11-26 10:10", supportCase.UpdatedAt);
        Equal("2026-11-26 10:00", supportCase.CreatedAt);
    }

    [Fact]
    public void Notes_may_be_added_while_waiting_and_after_resolution()
    {
        var waiting = SupportCase.Open(Incident(Severity.S3, CaseDetails.Empty), By(Ivr, "2026-11-26 10:00"));
        var resolved = ResolvedIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 11:00");

        Succeeds(waiting.AddNote("Mailed the customer the checklist.", isPublic: false, By(Ana, "2026-11-26 10:05")));
        Succeeds(resolved.AddNote("Waiting for the customer's confirmation.", isPublic: true, By(Ana, "2026-11-26 11:05")));

        Assert.Equal(("note", "Mailed the customer the checklist.", false), (waiting.History[^1].Action, waiting.History[^1].Detail, waiting.History[^1].IsPublic));
        Assert.Equal(("note", "Waiting for the customer's confirmation.", true), (resolved.History[^1].Action, resolved.History[^1].Detail, resolved.History[^1].IsPublic));
        Assert.Equal(CaseStatus.AwaitingInfo, waiting.Status);
        Assert.Equal(CaseStatus.Resolved, resolved.Status);
    }

    [Fact]
    public void Channels_are_named_as_the_contract_names_them()
    {
        var supportCase = SupportCase.Open(new NewCase { Kind = CaseKind.Callback, Channel = CaseChannel.Click2call }, By("system", "2026-11-26 10:00"));

        Assert.Equal("callback case opened by click2call, severity S3", supportCase.History[0].Detail);
    }
}
