using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Sla;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;

namespace CallMyWay.Voice.Domain.Tests.Cases;

/// <summary>Cases, details and changes the way the desk meets them, at local desk times (GMT-6).</summary>
internal static class SampleCases
{
    public const string Ana = "ana@callmyway.com";
    public const string Luis = "luis@callmyway.com";
    public const string Customer = "customer";
    public const string Ivr = "ivr";

    public static CaseDetails CompleteIncident { get; } = new()
    {
        Extension = "201",
        Direction = TrafficDirection.Outbound,
        CounterpartNumber = "+525512345678",
        OccurredAt = At("2026-11-26 09:40"),
    };

    public static CaseDetails CompleteSipActivation { get; } = new()
    {
        AccountId = "ACME-0042",
        FullName = "María Fernanda López",
        Extension = "305",
        DirectNumber = true,
        ExtensionType = ExtensionType.Sip,
        InRingGroup = false,
    };

    /// <summary>A change by <paramref name="actor"/> at a local desk time such as "2026-11-26 22:00", under the seed's rules.</summary>
    public static CaseChange By(string actor, string local) => new(actor, At(local), DeskRules.Default);

    /// <summary>Users and interruption that the matrix grades as <paramref name="severity"/>.</summary>
    public static NewCase Incident(Severity severity, CaseDetails details) => new()
    {
        Kind = CaseKind.Incident,
        Channel = CaseChannel.Phone,
        CallerNumber = "+525598765432",
        Did = "+525541708422",
        Country = "MX",
        Language = "es",
        Details = details,
        AffectedUsers = severity is Severity.S4 ? AffectedUsers.One : AffectedUsers.Several,
        Interruption = severity switch
        {
            Severity.S1 => Interruption.NotWorking,
            Severity.S2 => Interruption.SeriouslyAffected,
            Severity.S3 => Interruption.AffectedCanWork,
            _ => Interruption.NoImpact,
        },
    };

    /// <summary>A complete incident reported through the IVR: it opens with its SLA clock running.</summary>
    public static SupportCase OpenIncident(Severity severity, string local) =>
        SupportCase.Open(Incident(severity, CompleteIncident), By(Ivr, local));

    public static SupportCase InProgressIncident(Severity severity, string opened, string assigned)
    {
        var supportCase = OpenIncident(severity, opened);
        Succeeds(supportCase.Assign(Ana, By(Ana, assigned)));
        return supportCase;
    }

    public static SupportCase ResolvedIncident(Severity severity, string opened, string resolved)
    {
        var supportCase = OpenIncident(severity, opened);
        Succeeds(supportCase.Resolve("The carrier fixed the route.", By(Ana, resolved)));
        return supportCase;
    }

    public static void Succeeds(DomainError? error) => Assert.Null(error);

    /// <summary>Both SLA due times, to the minute and in the desk's offset.</summary>
    public static void AssertDue(SupportCase supportCase, string attention, string resolution)
    {
        Assert.NotNull(supportCase.AttentionDue);
        Assert.NotNull(supportCase.ResolutionDue);
        Equal(attention, supportCase.AttentionDue.Value);
        Equal(resolution, supportCase.ResolutionDue.Value);
    }
}
