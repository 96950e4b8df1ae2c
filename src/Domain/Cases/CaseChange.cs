namespace CallMyWay.Voice.Domain.Cases;

/// <summary>Who changes a case, when, and under which rules; passed to every command of <see cref="SupportCase"/>.</summary>
public sealed record CaseChange(string Actor, DateTimeOffset At, DeskRules Rules);
