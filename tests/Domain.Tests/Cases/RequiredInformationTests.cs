using CallMyWay.Voice.Domain.Cases;
using static CallMyWay.Voice.Domain.Tests.Cases.SampleCases;

namespace CallMyWay.Voice.Domain.Tests.Cases;

public class RequiredInformationTests
{
    [Fact]
    public void A_complete_incident_report_misses_nothing() =>
        Assert.Empty(RequiredInformation.MissingFor(CaseKind.Incident, CompleteIncident));

    [Fact]
    public void An_empty_incident_report_misses_the_four_items_of_the_seed_in_order() =>
        Assert.Equal(
            ["extension", "direction", "counterpartNumber", "occurredAt"],
            RequiredInformation.MissingFor(CaseKind.Incident, CaseDetails.Empty));

    [Theory]
    [InlineData("extension")]
    [InlineData("direction")]
    [InlineData("counterpartNumber")]
    [InlineData("occurredAt")]
    public void An_incident_missing_one_item_names_exactly_that_item(string field)
    {
        var details = field switch
        {
            "extension" => CompleteIncident with { Extension = null },
            "direction" => CompleteIncident with { Direction = null },
            "counterpartNumber" => CompleteIncident with { CounterpartNumber = null },
            "occurredAt" => CompleteIncident with { OccurredAt = null },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Assert.Equal([field], RequiredInformation.MissingFor(CaseKind.Incident, details));
    }

    [Fact]
    public void Blank_text_counts_as_missing()
    {
        var details = CompleteIncident with { Extension = "  ", CounterpartNumber = string.Empty };

        Assert.Equal(["extension", "counterpartNumber"], RequiredInformation.MissingFor(CaseKind.Incident, details));
    }

    [Fact]
    public void A_complete_SIP_activation_misses_nothing_and_needs_no_Teams_email()
    {
        Assert.Null(CompleteSipActivation.TeamsEmail);
        Assert.Empty(RequiredInformation.MissingFor(CaseKind.Activation, CompleteSipActivation));
    }

    [Fact]
    public void An_empty_activation_misses_every_item_of_the_seed_in_order() =>
        Assert.Equal(
            ["accountId", "fullName", "extension", "directNumber", "extensionType", "ringGroup"],
            RequiredInformation.MissingFor(CaseKind.Activation, CaseDetails.Empty));

    [Theory]
    [InlineData("accountId")]
    [InlineData("fullName")]
    [InlineData("extension")]
    [InlineData("directNumber")]
    [InlineData("extensionType")]
    public void An_activation_missing_one_item_names_exactly_that_item(string field)
    {
        var details = field switch
        {
            "accountId" => CompleteSipActivation with { AccountId = null },
            "fullName" => CompleteSipActivation with { FullName = " " },
            "extension" => CompleteSipActivation with { Extension = null },
            "directNumber" => CompleteSipActivation with { DirectNumber = null },
            "extensionType" => CompleteSipActivation with { ExtensionType = null },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Assert.Equal([field], RequiredInformation.MissingFor(CaseKind.Activation, details));
    }

    [Fact]
    public void No_direct_number_is_an_answer_not_a_gap() =>
        Assert.Empty(RequiredInformation.MissingFor(CaseKind.Activation, CompleteSipActivation with { DirectNumber = false }));

    [Fact]
    public void A_Teams_extension_needs_the_email_to_link()
    {
        var teams = CompleteSipActivation with { ExtensionType = ExtensionType.Teams };

        Assert.Equal(["teamsEmail"], RequiredInformation.MissingFor(CaseKind.Activation, teams));
        Assert.Equal(["teamsEmail"], RequiredInformation.MissingFor(CaseKind.Activation, teams with { TeamsEmail = "   " }));
        Assert.Empty(RequiredInformation.MissingFor(CaseKind.Activation, teams with { TeamsEmail = "maria.lopez@acme.example" }));
    }

    [Theory]
    // Not in a group: complete without a name.
    [InlineData(false, null, false)]
    // In a group: the group's name is needed.
    [InlineData(true, null, true)]
    [InlineData(true, "  ", true)]
    [InlineData(true, "Ventas", false)]
    // Not said: a name answers it, else it is missing.
    [InlineData(null, null, true)]
    [InlineData(null, "Ventas", false)]
    public void Ring_group_membership_needs_a_name_only_when_it_is_a_yes(bool? inRingGroup, string? ringGroup, bool missing)
    {
        var details = CompleteSipActivation with { InRingGroup = inRingGroup, RingGroup = ringGroup };

        var expected = missing ? new[] { "ringGroup" } : [];
        Assert.Equal(expected, RequiredInformation.MissingFor(CaseKind.Activation, details));
    }

    [Theory]
    [InlineData(CaseKind.Inquiry)]
    [InlineData(CaseKind.Callback)]
    public void Inquiries_and_callbacks_need_nothing(CaseKind kind) =>
        Assert.Empty(RequiredInformation.MissingFor(kind, CaseDetails.Empty));

    [Fact]
    public void An_unknown_kind_is_a_bug_not_a_checklist() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RequiredInformation.MissingFor((CaseKind)42, CaseDetails.Empty));
}
