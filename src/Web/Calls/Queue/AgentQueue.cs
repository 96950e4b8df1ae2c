using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Prompts;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using CallMyWay.Voice.Web.Hubs;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Calls.Queue;

/// <summary>
/// The agents' queue (ACD): callers who pressed 0 wait here with hold announcements; the longest-idle available agent
/// with a registered phone is offered the call (their phone rings); an answer bridges caller and agent, no answer in
/// <see cref="QueueOptions.RingTimeout"/> moves the offer to the next agent, and an agent can take a call from the console.
/// </summary>
public sealed partial class AgentQueue : BackgroundService, IAgentAvailability
{
    private readonly List<QueuedCall> _waiting = [];
    private readonly HashSet<string> _ringing = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly AgentPresence _presence;
    private readonly RegistrationBindings _bindings;
    private readonly IAgentPhoneDialer _dialer;
    private readonly MediaEngine _media;
    private readonly CallRegistry _registry;
    private readonly QueueOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AgentQueue> _logger;

    public AgentQueue(AgentPresence presence, RegistrationBindings bindings, IAgentPhoneDialer dialer, MediaEngine media, CallRegistry registry, IOptions<QueueOptions> options, TimeProvider time, ILogger<AgentQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _presence = presence;
        _bindings = bindings;
        _dialer = dialer;
        _media = media;
        _registry = registry;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>True when an agent is available and their phone is registered, so a caller would be put through.</summary>
    public bool AgentsAvailable
    {
        get
        {
            foreach (var agent in _presence.AvailableLongestIdleFirst())
            {
                if (PhoneOf(agent) is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public int Waiting
    {
        get
        {
            lock (_waiting)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Puts a caller in the queue and waits until an agent served them, the wait ran out, or they hung up.</summary>
    public async Task<QueueOutcome> ServeAsync(ActiveCall call, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var entry = new QueuedCall(call, language, _time.GetUtcNow());
        lock (_waiting)
        {
            _waiting.Add(entry);
        }

        _registry.Update(call.CallId, s => s with { State = CallState.Queued, Step = null, At = entry.JoinedAt });
        Queued(_logger, call.CallId, Waiting);
        _wake.Release();
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var holding = HoldAsync(entry, hold.Token);
        try
        {
            var waited = Task.Delay(_options.MaxWait, _time, cancellationToken);
            var finished = await Task.WhenAny(entry.Outcome.Task, waited).ConfigureAwait(false);
            if (finished == waited && !waited.IsCanceled && Withdraw(entry))
            {
                entry.Outcome.TrySetResult(QueueOutcome.TimedOut);
            }

            return await entry.Outcome.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Withdraw(entry);
            return QueueOutcome.Abandoned;
        }
        finally
        {
            await hold.CancelAsync().ConfigureAwait(false);
            await holding.ConfigureAwait(false);
        }
    }

    /// <summary>An agent takes a waiting call from the console: their phone rings for it next.</summary>
    public string? TakeCall(string callId, string agent)
    {
        if (PhoneOf(agent) is null)
        {
            return "Your phone is not registered: register your extension first.";
        }

        lock (_waiting)
        {
            var entry = _waiting.Find(e => e.Call.CallId == callId);
            if (entry is null)
            {
                return "That call is no longer waiting.";
            }

            entry.RequestedBy = agent;
            entry.Declined.Remove(agent);
        }

        _wake.Release();
        return null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Agents become available without telling the queue (console, wrap-up end): look again every second.
            await _wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            foreach (var (entry, agent) in NextOffers())
            {
                _ = OfferAsync(entry, agent);
            }
        }
    }

    private List<(QueuedCall Entry, string Agent)> NextOffers()
    {
        var offers = new List<(QueuedCall, string)>();
        var available = _presence.AvailableLongestIdleFirst();
        lock (_waiting)
        {
            foreach (var entry in _waiting)
            {
                if (entry.OfferedTo is not null)
                {
                    continue;
                }

                string? chosen = null;
                if (entry.RequestedBy is { } requested && !_ringing.Contains(requested) && PhoneOf(requested) is not null)
                {
                    chosen = requested;
                }
                else
                {
                    foreach (var agent in available)
                    {
                        if (!_ringing.Contains(agent) && !entry.Declined.Contains(agent) && PhoneOf(agent) is not null)
                        {
                            chosen = agent;
                            break;
                        }
                    }
                }

                if (chosen is null)
                {
                    continue;
                }

                entry.OfferedTo = chosen;
                _ringing.Add(chosen);
                offers.Add((entry, chosen));
            }
        }

        return offers;
    }

    private async Task OfferAsync(QueuedCall entry, string agent)
    {
        var call = entry.Call;
        try
        {
            _registry.Update(call.CallId, s => s with { State = CallState.Offered, Step = agent, At = _time.GetUtcNow() });
            Offered(_logger, call.CallId, agent);
            var phone = PhoneOf(agent)!;
            var result = await _dialer.PlaceAsync(
                OutboundCallRequest.ToRegisteredPhone(phone, call.CallerNumber ?? "anonymous") with
                {
                    RingTimeout = _options.RingTimeout,
                    FromDisplayName = $"{call.Did.Country} {call.CallerNumber}",
                },
                call.Lifetime).ConfigureAwait(false);
            if (result.Call is { } agentLeg && !call.Lifetime.IsCancellationRequested)
            {
                await ConnectAsync(entry, agent, agentLeg).ConfigureAwait(false);
                return;
            }

            if (result.Call is { } late)
            {
                await late.HangupAsync().ConfigureAwait(false);
            }

            NotAnswered(_logger, call.CallId, agent, result.Outcome.ToString());
            lock (_waiting)
            {
                entry.Declined.Add(agent);
                entry.OfferedTo = null;
                if (string.Equals(entry.RequestedBy, agent, StringComparison.OrdinalIgnoreCase))
                {
                    entry.RequestedBy = null;
                }
            }

            if (!call.Lifetime.IsCancellationRequested)
            {
                _registry.Update(call.CallId, s => s with { State = CallState.Queued, Step = null, At = _time.GetUtcNow() });
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OfferFailed(_logger, ex, call.CallId, agent);
            lock (_waiting)
            {
                entry.OfferedTo = null;
            }
        }
        finally
        {
            lock (_waiting)
            {
                _ringing.Remove(agent);
            }

            _wake.Release();
        }
    }

    private async Task ConnectAsync(QueuedCall entry, string agent, OutboundCall agentLeg)
    {
        var call = entry.Call;
        Withdraw(entry);
        _presence.SetStatus(agent, AgentStatus.Busy);
        call.Media.Prompts.Stop();
        using (_media.Bridge(call.Media, agentLeg.Media))
        {
            _registry.Update(call.CallId, s => s with { State = CallState.Connected, Step = agent, At = _time.GetUtcNow() });
            Connected(_logger, call.CallId, agent);
            var callerGone = Task.Delay(Timeout.Infinite, call.Lifetime);
            await Task.WhenAny(agentLeg.Ended, callerGone).ConfigureAwait(false);
        }

        if (agentLeg.HasEnded)
        {
            await call.HangupAsync().ConfigureAwait(false);
        }
        else
        {
            await agentLeg.HangupAsync().ConfigureAwait(false);
        }

        entry.Outcome.TrySetResult(QueueOutcome.Served);
        _presence.SetStatus(agent, AgentStatus.WrapUp);
        _ = Task.Delay(_options.WrapUp, _time).ContinueWith(_ => _presence.EndWrapUp(agent), TaskScheduler.Default);
    }

    // Hold: the transfer notice once, then the caller's position and a thank-you, every AnnounceEvery.
    private async Task HoldAsync(QueuedCall entry, CancellationToken cancellationToken)
    {
        var ivr = entry.Call.Ivr;
        try
        {
            await ivr.PlayAsync([new PromptRef(PromptKeys.AgentTransfer, entry.Language)], bargeIn: false, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested && !entry.Outcome.Task.IsCompleted)
            {
                var position = PositionOf(entry);
                if (position > 0)
                {
                    var prompts = new List<PromptRef> { new(PromptKeys.QueuePosition, entry.Language) };
                    prompts.AddRange(SpokenNumber.Digits(position, entry.Language));
                    prompts.Add(new PromptRef(PromptKeys.QueueInLine, entry.Language));
                    prompts.Add(new PromptRef(PromptKeys.QueueHold, entry.Language));
                    await ivr.PlayAsync(prompts, bargeIn: false, cancellationToken).ConfigureAwait(false);
                }

                await Task.Delay(_options.AnnounceEvery, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Connected, timed out or hung up.
        }
    }

    private int PositionOf(QueuedCall entry)
    {
        lock (_waiting)
        {
            return _waiting.IndexOf(entry) + 1;
        }
    }

    private bool Withdraw(QueuedCall entry)
    {
        lock (_waiting)
        {
            return _waiting.Remove(entry);
        }
    }

    private ContactBinding? PhoneOf(string agent) =>
        _presence.ExtensionOf(agent) is { } extension && _bindings.Lookup(extension) is { Count: > 0 } phones ? phones[0] : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} queued ({Waiting} waiting)")]
    private static partial void Queued(ILogger logger, string callId, int waiting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} offered to {Agent}")]
    private static partial void Offered(ILogger logger, string callId, string agent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} connected to {Agent}")]
    private static partial void Connected(ILogger logger, string callId, string agent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: {Agent} did not answer ({Outcome})")]
    private static partial void NotAnswered(ILogger logger, string callId, string agent, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: offering to {Agent} failed")]
    private static partial void OfferFailed(ILogger logger, Exception exception, string callId, string agent);
}
