namespace CallMyWay.Voice.Web.Api;

/// <summary>A case's SLA: when it must be attended and resolved, and whether its clock is running.</summary>
public sealed record SlaResponse(DateTimeOffset? AttentionDue, DateTimeOffset? ResolutionDue, bool Running, DateTimeOffset? AttendedAt, DateTimeOffset? ResolvedAt);
