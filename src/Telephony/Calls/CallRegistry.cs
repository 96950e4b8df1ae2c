using System.Collections.Concurrent;

namespace CallMyWay.Voice.Telephony.Calls;

/// <summary>
/// The live calls and their latest state: what <c>GET /api/calls</c> lists and what a reconnecting console is
/// sent again. Every change is passed on to the event sinks; ended calls leave the registry.
/// </summary>
public sealed class CallRegistry(IEnumerable<ICallEventSink> sinks)
{
    private readonly ConcurrentDictionary<string, CallSnapshot> _calls = new(StringComparer.Ordinal);
    private readonly ICallEventSink[] _sinks = [.. sinks];

    public int Count => _calls.Count;

    /// <summary>Live calls, oldest first.</summary>
    public IReadOnlyList<CallSnapshot> Snapshot()
    {
        var calls = _calls.Values.ToList();
        calls.Sort((a, b) => a.StartedAt.CompareTo(b.StartedAt));
        return calls;
    }

    public CallSnapshot? Find(string callId) => _calls.TryGetValue(callId, out var call) ? call : null;

    public void Publish(CallSnapshot call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.State == CallState.Ended)
        {
            _calls.TryRemove(call.CallId, out _);
        }
        else
        {
            _calls[call.CallId] = call;
        }

        foreach (var sink in _sinks)
        {
            sink.CallChanged(call);
        }
    }

    /// <summary>Applies a change to a live call's latest state; does nothing for a call that already ended.</summary>
    public void Update(string callId, Func<CallSnapshot, CallSnapshot> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (_calls.TryGetValue(callId, out var current))
        {
            Publish(change(current));
        }
    }
}
