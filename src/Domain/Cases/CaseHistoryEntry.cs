namespace CallMyWay.Voice.Domain.Cases;

/// <summary>One change of a case: who did what, when. The history is append-only.</summary>
public sealed class CaseHistoryEntry
{
    /// <param name="at">When it happened.</param>
    /// <param name="actor">Who did it: an agent's e-mail, <c>customer</c>, <c>ivr</c>, <c>system</c>.</param>
    /// <param name="action">What kind of change, e.g. <c>created</c>, <c>status</c>, <c>note</c>, <c>escalated</c>.</param>
    /// <param name="detail">The change in words, e.g. <c>open → inProgress</c>.</param>
    /// <param name="isPublic">Whether the customer may see it (public notes are mailed to them).</param>
    public CaseHistoryEntry(DateTimeOffset at, string actor, string action, string detail, bool isPublic)
    {
        At = at;
        Actor = actor;
        Action = action;
        Detail = detail;
        IsPublic = isPublic;
    }

    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; }
    public string Action { get; private set; }
    public string Detail { get; private set; }
    public bool IsPublic { get; private set; }
}
