using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Sla;
using static CallMyWay.Voice.Domain.Tests.Cases.SampleCases;

namespace CallMyWay.Voice.Domain.Tests.Cases;

public class SupportCaseRefusalTests
{
    private const string IllegalTransition = "case.illegal-transition";
    private const string Invalid = "case.invalid";

    [Theory]
    // Only a resolved case closes, and only a resolved case reopens.
    [InlineData("open", "confirm", IllegalTransition, "A case that is open cannot be closed: only a resolved case closes, on the customer's confirmation.")]
    [InlineData("inProgress", "confirm", IllegalTransition, "A case that is inProgress cannot be closed: only a resolved case closes, on the customer's confirmation.")]
    [InlineData("awaitingInfo", "confirm", IllegalTransition, "A case that is awaitingInfo cannot be closed: only a resolved case closes, on the customer's confirmation.")]
    [InlineData("closed", "confirm", IllegalTransition, "A case that is closed cannot be closed: only a resolved case closes, on the customer's confirmation.")]
    [InlineData("open", "reopen", IllegalTransition, "A case that is open cannot be reopened: only a resolved case can be.")]
    [InlineData("inProgress", "reopen", IllegalTransition, "A case that is inProgress cannot be reopened: only a resolved case can be.")]
    [InlineData("closed", "reopen", IllegalTransition, "A case that is closed cannot be reopened: only a resolved case can be.")]
    // Resolution needs a case under review.
    [InlineData("closed", "resolve", IllegalTransition, "A case that is closed cannot be resolved.")]
    [InlineData("resolved", "resolve", IllegalTransition, "A case that is resolved cannot be resolved.")]
    [InlineData("awaitingInfo", "resolve", IllegalTransition, "A case that is awaitingInfo cannot be resolved.")]
    [InlineData("onHold", "resolve", IllegalTransition, "A case that is awaitingInfo cannot be resolved.")]
    // Escalation.
    [InlineData("level3", "escalate", "case.top-level", "The case is already at level 3, the highest support level.")]
    [InlineData("resolved", "escalate", IllegalTransition, "A case that is resolved cannot be escalated.")]
    [InlineData("closed", "escalate", IllegalTransition, "A case that is closed cannot be escalated.")]
    // A closed case is final.
    [InlineData("closed", "note", IllegalTransition, "A case that is closed cannot be annotated.")]
    [InlineData("closed", "details", IllegalTransition, "A case that is closed cannot be updated.")]
    [InlineData("closed", "severity", IllegalTransition, "A case that is closed cannot be re-graded.")]
    [InlineData("closed", "assign", IllegalTransition, "A case that is closed cannot be assigned.")]
    [InlineData("resolved", "assign", IllegalTransition, "A case that is resolved cannot be assigned.")]
    // Starting work, holding and answering.
    [InlineData("inProgress", "start", IllegalTransition, "A case that is inProgress cannot be started.")]
    [InlineData("awaitingInfo", "start", IllegalTransition, "A case that is awaitingInfo cannot be started.")]
    [InlineData("resolved", "start", IllegalTransition, "A case that is resolved cannot be started.")]
    [InlineData("awaitingInfo", "request-info", IllegalTransition, "A case that is awaitingInfo cannot be put on hold for information.")]
    [InlineData("resolved", "request-info", IllegalTransition, "A case that is resolved cannot be put on hold for information.")]
    [InlineData("open", "info-received", IllegalTransition, "A case that is open cannot be marked as answered.")]
    [InlineData("awaitingInfo", "info-received", Invalid, "Still missing: counterpartNumber.")]
    [InlineData("open", "severity-unknown", Invalid, "Severity must be S1, S2, S3 or S4.")]
    // Empty texts.
    [InlineData("open", "note-blank", Invalid, "A note needs text.")]
    [InlineData("open", "resolve-blank", Invalid, "Describe the resolution for the customer.")]
    [InlineData("open", "escalate-blank", Invalid, "An escalation needs a reason.")]
    [InlineData("open", "assign-blank", Invalid, "Name the agent to assign.")]
    [InlineData("open", "request-info-blank", Invalid, "Say what information is requested.")]
    [InlineData("resolved", "confirm-blank", Invalid, "Say how the customer confirmed the resolution.")]
    [InlineData("resolved", "reopen-blank", Invalid, "A reopening needs a reason.")]
    public void A_refused_command_says_why_and_leaves_the_case_untouched(string state, string command, string code, string message)
    {
        var supportCase = InState(state);
        var before = CaseSnapshot.Of(supportCase);

        var error = Run(command, supportCase, By(Luis, "2026-11-26 12:00"));

        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(before, CaseSnapshot.Of(supportCase));
    }

    [Theory]
    [InlineData("open", CaseStatus.Open)]
    [InlineData("inProgress", CaseStatus.InProgress)]
    [InlineData("awaitingInfo", CaseStatus.AwaitingInfo)]
    [InlineData("onHold", CaseStatus.AwaitingInfo)]
    [InlineData("resolved", CaseStatus.Resolved)]
    [InlineData("closed", CaseStatus.Closed)]
    [InlineData("level3", CaseStatus.InProgress)]
    public void The_arranged_states_are_what_they_say(string state, CaseStatus status) =>
        Assert.Equal(status, InState(state).Status);

    private static SupportCase InState(string state)
    {
        switch (state)
        {
            case "open":
                return OpenIncident(Severity.S3, "2026-11-26 10:00");
            case "inProgress":
                return InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:10");
            case "awaitingInfo":
                return SupportCase.Open(Incident(Severity.S3, CompleteIncident with { CounterpartNumber = null }), By(Ivr, "2026-11-26 10:00"));
            case "onHold":
                {
                    var held = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:10");
                    Succeeds(held.RequestInformation("Which trunk?", By(Ana, "2026-11-26 10:30")));
                    return held;
                }

            case "resolved":
                return ResolvedIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 11:00");
            case "closed":
                {
                    var closed = ResolvedIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 11:00");
                    Succeeds(closed.ConfirmResolution("Confirmed by phone.", By(Customer, "2026-11-26 11:30")));
                    return closed;
                }

            case "level3":
                {
                    var top = InProgressIncident(Severity.S3, "2026-11-26 10:00", "2026-11-26 10:10");
                    Succeeds(top.Escalate("Specialist.", By(Ana, "2026-11-26 10:20")));
                    Succeeds(top.Escalate("Advanced.", By(Ana, "2026-11-26 10:30")));
                    return top;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, "No such arranged state.");
        }
    }

    private static DomainError? Run(string command, SupportCase c, CaseChange change) => command switch
    {
        "confirm" => c.ConfirmResolution("The customer confirmed by phone.", change),
        "confirm-blank" => c.ConfirmResolution("  ", change),
        "reopen" => c.Reopen("Still failing.", change),
        "reopen-blank" => c.Reopen(string.Empty, change),
        "resolve" => c.Resolve("Fixed.", change),
        "resolve-blank" => c.Resolve(" ", change),
        "escalate" => c.Escalate("Needs a specialist.", change),
        "escalate-blank" => c.Escalate("\t", change),
        "note" => c.AddNote("Called the customer.", isPublic: false, change),
        "note-blank" => c.AddNote("   ", isPublic: true, change),
        "assign" => c.Assign(Luis, change),
        "assign-blank" => c.Assign(string.Empty, change),
        "start" => c.Start(change),
        "request-info" => c.RequestInformation("Send the time of a failed call.", change),
        "request-info-blank" => c.RequestInformation(" ", change),
        "info-received" => c.InformationReceived("Answered.", change),
        "details" => c.ProvideInformation(new CaseDetails { Description = "More details." }, change),
        "severity" => c.ChangeSeverity(Severity.S1, "Worse.", change),
        "severity-unknown" => c.ChangeSeverity((Severity)9, "Worse.", change),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "No such command."),
    };
}
