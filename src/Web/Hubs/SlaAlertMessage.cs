namespace CallMyWay.Voice.Web.Hubs;

/// <summary>An SLA warning or breach: <c>kind</c> is <c>attention</c> or <c>resolution</c>; <c>level</c> is <c>warning</c> (75 %) or <c>breach</c> (100 %).</summary>
public sealed record SlaAlertMessage(long CaseNumber, string Kind, DateTimeOffset Due, string Level);
