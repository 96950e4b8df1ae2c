using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Telephony.Ivr.Desk;

/// <summary>What the IVR reads to a caller asking about a case.</summary>
public sealed record CaseStatusReading(long Number, CaseKind Kind, CaseStatus Status, Severity Severity, EscalationLevel Level);
