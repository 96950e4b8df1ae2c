using CallMyWay.Voice.Domain.Cases;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Cases.SampleCases;

namespace CallMyWay.Voice.Domain.Tests.Cases;

public class CaseDetailsTests
{
    [Fact]
    public void Merging_keeps_what_the_update_leaves_out()
    {
        var merged = CompleteIncident.MergedWith(new CaseDetails { CounterpartNumber = "+13055550100", Description = "calls drop after 30 s" });

        Assert.Equal("201", merged.Extension);
        Assert.Equal(TrafficDirection.Outbound, merged.Direction);
        Assert.Equal("+13055550100", merged.CounterpartNumber);
        Assert.Equal(At("2026-11-26 09:40"), merged.OccurredAt);
        Assert.Equal("calls drop after 30 s", merged.Description);
    }

    [Fact]
    public void Merging_replaces_every_field_the_update_carries()
    {
        var update = new CaseDetails
        {
            Extension = "410",
            Direction = TrafficDirection.Inbound,
            CounterpartNumber = "+5712345678",
            OccurredAt = At("2026-11-25 08:00"),
            AccountId = "ACME-7",
            FullName = "Pedro Ruiz",
            DirectNumber = false,
            ExtensionType = ExtensionType.Teams,
            TeamsEmail = "pedro@acme.example",
            InRingGroup = true,
            RingGroup = "Soporte",
            Description = "new text",
        };

        Assert.Equal(update, CompleteSipActivation.MergedWith(update));
    }

    [Fact]
    public void Merging_an_empty_update_changes_nothing() =>
        Assert.Equal(CompleteSipActivation, CompleteSipActivation.MergedWith(CaseDetails.Empty));

    [Fact]
    public void A_false_answer_replaces_a_true_one() =>
        Assert.False(CompleteSipActivation.MergedWith(new CaseDetails { DirectNumber = false }).DirectNumber);
}
