using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Engine;
using CallMyWay.Voice.Telephony.Ivr.Events;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Telephony.Ivr.Flows;

/// <summary>
/// The IVR's default menus (CONTRACT.md, IVR) for one call: the main menu of business hours or of closed hours,
/// re-chosen each time the caller comes back to it, the menus behind it, and the polite fallback.
/// </summary>
/// <remarks>The desk is usually scoped (it wraps the scoped <c>CaseService</c>): resolve one flow per call, in the call's scope.</remarks>
public sealed class IvrCallFlow
{
    private readonly DeskRules _rules;
    private readonly IIvrEventSink _events;
    private readonly TimeProvider _time;
    private readonly IvrOptions _options;
    private readonly ILogger<IvrCallFlow> _logger;
    private readonly OpenHoursMenu _openHours;
    private readonly ClosedHoursMenu _closedHours;
    private readonly PoliteFallback _fallback;

    public IvrCallFlow(
        IIvrCaseDesk desk,
        IAgentAvailability agents,
        DeskRules rules,
        IIvrEventSink events,
        TimeProvider time,
        IvrOptions options,
        ILogger<IvrCallFlow> logger)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Attempts, 1, nameof(options));
        _rules = rules;
        _events = events;
        _time = time;
        _options = options;
        _logger = logger;

        var calendar = rules.Calendar;
        var confirmation = new CaseConfirmation(logger);
        var incident = new IncidentFlow(desk, confirmation, calendar);
        var activation = new ActivationFlow(desk, confirmation);
        var status = new StatusFlow(desk);
        var callback = new CallbackOffer(desk, confirmation, calendar);
        _openHours = new OpenHoursMenu(incident, activation, status, new AgentRequest(agents, callback));
        _closedHours = new ClosedHoursMenu(incident, activation, status, callback, calendar);
        _fallback = new PoliteFallback(agents, calendar);
    }

    /// <summary>
    /// Runs the IVR on an answered call until the caller is served, asks for an agent, or hangs up. The IVR hangs up
    /// itself after <see cref="IvrOutcome.Completed"/> and <see cref="IvrOutcome.GaveUp"/>; after
    /// <see cref="IvrOutcome.ToAgentQueue"/> the call is still up for the queue.
    /// </summary>
    /// <param name="caseChannel">The channel cases opened in this call carry: phone, or click2call for a call from the website.</param>
    /// <param name="cancellationToken">The call's lifetime: cancelled when the caller hangs up.</param>
    public async Task<IvrResult> RunAsync(IIvrChannel channel, CaseChannel caseChannel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var session = new IvrSession(channel, caseChannel, _events, _time, _options);
        session.Emit(new IvrStarted(channel.CallId, session.Now, channel.Did.E164, channel.Did.Country, channel.CallerNumber, session.Language));
        _logger.LogInformation("IVR call {CallId} from {Caller} on {Did} starts in {Language}", channel.CallId, channel.CallerNumber, channel.Did.E164, session.Language);

        IvrOutcome outcome;
        try
        {
            outcome = await ServeAsync(session, cancellationToken).ConfigureAwait(false);
            if (outcome is IvrOutcome.Completed or IvrOutcome.GaveUp)
            {
                await channel.HangupAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            outcome = IvrOutcome.CallerHungUp;
        }

        session.Emit(new IvrEnded(channel.CallId, session.Now, outcome, session.CaseNumber));
        _logger.LogInformation("IVR call {CallId} ends: {Outcome}, case {CaseNumber}", channel.CallId, outcome, session.CaseNumber);
        return new IvrResult(outcome, session.Language, session.CaseNumber);
    }

    private async Task<IvrOutcome> ServeAsync(IvrSession session, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = _rules.Calendar.IsOpen(session.Now)
                ? await _openHours.RunAsync(session, cancellationToken).ConfigureAwait(false)
                : await _closedHours.RunAsync(session, cancellationToken).ConfigureAwait(false);
            if (result.FallbackApology is { } apology)
            {
                result = await _fallback.RunAsync(session, apology, cancellationToken).ConfigureAwait(false);
            }

            if (result.Outcome is { } outcome)
            {
                return outcome;
            }
        }
    }
}
