using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Engine;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Flows;

/// <summary>
/// Menu <c>1</c>, report an incident (CONTRACT.md): extension, traffic direction, counterpart number, when, users
/// affected, interruption; then the case is saved and its number read twice.
/// </summary>
internal sealed class IncidentFlow(IIvrCaseDesk desk, CaseConfirmation confirmation, BusinessCalendar calendar)
{
    public async Task<FlowResult> RunAsync(IvrSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await session.AskNumberAsync("incident.extension", session.Prompts(PromptKeys.IncidentExtension), new DigitsInput(1, 10), cancellationToken).ConfigureAwait(false) is not { } extension
            || await session.AskChoiceAsync("incident.direction", session.Prompts(PromptKeys.IncidentDirection), "12", cancellationToken).ConfigureAwait(false) is not { } direction
            || await session.AskNumberAsync("incident.counterpart", session.Prompts(PromptKeys.IncidentCounterpart), new DigitsInput(2, 15), cancellationToken).ConfigureAwait(false) is not { } counterpart
            || await AskWhenAsync(session, cancellationToken).ConfigureAwait(false) is not { } occurredAt
            || await session.AskChoiceAsync("incident.users", session.Prompts(PromptKeys.IncidentUsers), "123", cancellationToken).ConfigureAwait(false) is not { } users
            || await session.AskChoiceAsync("incident.interruption", session.Prompts(PromptKeys.IncidentInterruption), "1234", cancellationToken).ConfigureAwait(false) is not { } interruption)
        {
            return FlowResult.InputFailed;
        }

        var report = new IncidentReport(
            session.Caller,
            extension,
            direction == '1' ? TrafficDirection.Inbound : TrafficDirection.Outbound,
            counterpart,
            occurredAt,
            (AffectedUsers)(users - '0'),
            (Interruption)(interruption - '0'));
        if (await confirmation.OpenAsync(session, CaseKind.Incident, token => desk.OpenIncidentAsync(report, token)).ConfigureAwait(false) is not { } receipt)
        {
            return FlowResult.Fallback(PromptKeys.CaseNotRecorded);
        }

        await confirmation.ReadAsync(session, receipt, PromptKeys.IncidentSaved, cancellationToken).ConfigureAwait(false);
        await session.PlayAsync(session.Prompts(PromptKeys.Goodbye), bargeIn: false, cancellationToken).ConfigureAwait(false);
        return FlowResult.End(IvrOutcome.Completed);
    }

    /// <summary><c>#</c> alone for now, or <c>DDHHMM#</c>; see <see cref="IncidentTime"/>.</summary>
    private async Task<DateTimeOffset?> AskWhenAsync(IvrSession session, CancellationToken cancellationToken)
    {
        DateTimeOffset? occurredAt = null;
        var input = new DigitsInput(IncidentTime.Length, IncidentTime.Length)
        {
            AllowEmpty = true,
            Check = (digits, _) =>
            {
                var valid = IncidentTime.TryResolve(digits, session.Now, calendar.UtcOffset, out var at, out var complaint);
                occurredAt = valid ? at : null;
                return ValueTask.FromResult<string?>(valid ? null : complaint);
            },
        };
        var prompts = session.Prompts([PromptKeys.IncidentWhen, .. HoursAnnouncement.TimeZone(calendar.UtcOffset), PromptKeys.IncidentWhenExample]);
        return await session.AskNumberAsync("incident.when", prompts, input, cancellationToken).ConfigureAwait(false) is null ? null : occurredAt;
    }
}
