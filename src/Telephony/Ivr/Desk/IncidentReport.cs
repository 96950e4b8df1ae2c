using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Telephony.Ivr.Desk;

/// <summary>An incident as the IVR collects it (CONTRACT.md, Incident).</summary>
/// <param name="OccurredAt">When it happened, in the desk's offset; the call's time for "now".</param>
public sealed record IncidentReport(
    IvrCaller Caller,
    string Extension,
    TrafficDirection Direction,
    string CounterpartNumber,
    DateTimeOffset OccurredAt,
    AffectedUsers AffectedUsers,
    Interruption Interruption);
