namespace CallMyWay.Voice.Domain.Sla;

/// <summary>What one severity promises: first attention and resolution within these times, counted on <paramref name="Clock"/>.</summary>
public sealed record SlaTarget(TimeSpan Attention, TimeSpan Resolution, SlaClockKind Clock);
