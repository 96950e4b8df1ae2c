using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Engine;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Flows;

/// <summary>Menu <c>3</c>, a case's status (CONTRACT.md): the case number, then its state, severity and level are read; back to the menu.</summary>
internal sealed class StatusFlow(IIvrCaseDesk desk)
{
    public async Task<FlowResult> RunAsync(IvrSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        CaseStatusReading? reading = null;
        var input = new DigitsInput(1, CaseNumber.MaxDigits)
        {
            // An unknown number costs a try like any wrong answer: "we did not find that case number", then the question again.
            Check = async (digits, token) =>
            {
                if (!CaseNumber.TryParse(digits, out var number))
                {
                    return PromptKeys.InputInvalid;
                }

                reading = await desk.GetStatusAsync(number, token).ConfigureAwait(false);
                return reading is null ? PromptKeys.StatusNotFound : null;
            },
        };

        string? answer;
        try
        {
            answer = await session.AskNumberAsync("status.case-number", session.Prompts(PromptKeys.StatusCaseNumber), input, cancellationToken).ConfigureAwait(false);
        }
        catch (IvrDeskUnavailableException)
        {
            await session.PlayAsync(session.Prompts(PromptKeys.StatusUnavailable), bargeIn: false, cancellationToken).ConfigureAwait(false);
            return FlowResult.MainMenu;
        }

        if (answer is null || reading is null)
        {
            return FlowResult.InputFailed;
        }

        session.OnCaseLookedUp(reading.Number);
        await session.PlayAsync(
            [
                session.Prompt(PromptKeys.StatusCase),
                .. SpokenNumber.Digits(reading.Number, session.Language),
                .. session.Prompts(
                    PromptKeys.StatusState,
                    PromptKeys.State(reading.Status),
                    PromptKeys.StatusSeverity,
                    PromptKeys.SeverityOf(reading.Severity),
                    PromptKeys.StatusLevel,
                    PromptKeys.Level(reading.Level)),
            ],
            bargeIn: false,
            cancellationToken).ConfigureAwait(false);
        return FlowResult.MainMenu;
    }
}
