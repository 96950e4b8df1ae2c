using System.Collections.Concurrent;

namespace CallMyWay.Voice.Web.Hubs;

/// <summary>
/// Who is connected to the console and whether they can take calls. An agent with no open console is
/// offline whatever they last chose; the time they became available orders the queue (longest idle first).
/// </summary>
public sealed class AgentPresence(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, AgentState> _agents = new(StringComparer.OrdinalIgnoreCase);

    public static bool TryParseSelectable(string? text, out AgentStatus status)
    {
        status = text?.Trim().ToLowerInvariant() switch
        {
            "available" => AgentStatus.Available,
            "away" => AgentStatus.Away,
            _ => AgentStatus.Offline,
        };
        return status != AgentStatus.Offline;
    }

    public void Connected(string email, string connectionId, string? extension = null)
    {
        var state = _agents.GetOrAdd(email, _ => new AgentState());
        lock (state)
        {
            state.Connections.Add(connectionId);
            state.Extension = extension ?? state.Extension;
            if (state.Status == AgentStatus.Offline)
            {
                state.Status = AgentStatus.Away;
                state.Since = time.GetUtcNow();
            }
        }
    }

    public void Disconnected(string email, string connectionId)
    {
        if (_agents.TryGetValue(email, out var state))
        {
            lock (state)
            {
                state.Connections.Remove(connectionId);
                if (state.Connections.Count == 0)
                {
                    state.Status = AgentStatus.Offline;
                    state.Since = time.GetUtcNow();
                }
            }
        }
    }

    public void SetStatus(string email, AgentStatus status)
    {
        var state = _agents.GetOrAdd(email, _ => new AgentState());
        lock (state)
        {
            if (state.Status != status)
            {
                state.Status = status;
                state.Since = time.GetUtcNow();
            }
        }
    }

    public AgentStatus StatusOf(string email)
    {
        if (!_agents.TryGetValue(email, out var state))
        {
            return AgentStatus.Offline;
        }

        lock (state)
        {
            return state.Status;
        }
    }

    /// <summary>The extension of a connected agent's phone, as their login said.</summary>
    public string? ExtensionOf(string email)
    {
        if (!_agents.TryGetValue(email, out var state))
        {
            return null;
        }

        lock (state)
        {
            return state.Extension;
        }
    }

    /// <summary>Moves an agent out of wrap-up once it is over, unless they chose another status meanwhile.</summary>
    public void EndWrapUp(string email)
    {
        if (_agents.TryGetValue(email, out var state))
        {
            lock (state)
            {
                if (state.Status == AgentStatus.WrapUp)
                {
                    state.Status = AgentStatus.Available;
                    state.Since = time.GetUtcNow();
                }
            }
        }
    }

    /// <summary>Available agents, the one idle longest first.</summary>
    public IReadOnlyList<string> AvailableLongestIdleFirst()
    {
        var available = new List<(string Email, DateTimeOffset Since)>();
        foreach (var (email, state) in _agents)
        {
            lock (state)
            {
                if (state.Status == AgentStatus.Available)
                {
                    available.Add((email, state.Since));
                }
            }
        }

        available.Sort((a, b) => a.Since.CompareTo(b.Since));
        return available.ConvertAll(a => a.Email);
    }

    private sealed class AgentState
    {
        public HashSet<string> Connections { get; } = [];

        public AgentStatus Status { get; set; } = AgentStatus.Offline;

        public DateTimeOffset Since { get; set; }

        public string? Extension { get; set; }
    }
}
