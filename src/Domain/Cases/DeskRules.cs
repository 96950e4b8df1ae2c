using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Domain.Cases;

/// <summary>The desk's configured rules a case is judged by: its hours and its SLA targets.</summary>
public sealed record DeskRules(BusinessCalendar Calendar, SlaPolicy Sla)
{
    public static DeskRules Default { get; } = new(new BusinessCalendar(BusinessHours.Default), SlaPolicy.Default);
}
