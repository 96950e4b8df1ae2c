using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Web.Email.Reading;

namespace CallMyWay.Voice.Web.Tests.Email.Reading;

public sealed class ChecklistReaderTests
{
    private static readonly TimeSpan Desk = TimeSpan.FromHours(-6);
    private static readonly DateTimeOffset Received = new(2025, 3, 14, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Spanish_incident_labels_are_read_with_or_without_accents_and_bullets()
    {
        var reading = ChecklistReader.Read("""
            Buenos días:
            1. Extension: 1234
            - Trafico: Saliente
            * Número de la contraparte: +52 (55) 4170-8422
            Fecha y hora: 14/03/2025 09:15 hrs
            """, english: false, Desk, Received);

        Assert.Equal("1234", reading.Details.Extension);
        Assert.Equal(TrafficDirection.Outbound, reading.Details.Direction);
        Assert.Equal("+52 (55) 4170-8422", reading.Details.CounterpartNumber);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 15, 0, Desk), reading.Details.OccurredAt);
        Assert.True(reading.HasIncidentFields);
        Assert.False(reading.HasActivationFields);
    }

    [Fact]
    public void English_activation_labels_are_read()
    {
        var reading = ChecklistReader.Read("""
            Account ID: 7781
            Full name: Mary Jones
            Extension: 410
            Direct number: no
            Extension type: Microsoft Teams
            Teams e-mail: Mary.Jones@Client.example
            Ring group or queue: none
            """, english: true, Desk, Received);

        Assert.Equal("7781", reading.Details.AccountId);
        Assert.Equal("Mary Jones", reading.Details.FullName);
        Assert.Equal("410", reading.Details.Extension);
        Assert.False(reading.Details.DirectNumber);
        Assert.Equal(ExtensionType.Teams, reading.Details.ExtensionType);
        Assert.Equal("mary.jones@client.example", reading.Details.TeamsEmail);
        Assert.False(reading.Details.InRingGroup);
        Assert.Empty(RequiredInformation.MissingFor(CaseKind.Activation, reading.Details));
    }

    [Fact]
    public void Our_own_blank_template_reads_as_nothing()
    {
        var reading = ChecklistReader.Read("Tráfico (entrante o saliente): \nNúmero de la contraparte:\nFecha y hora aproximada (GMT-6): ", english: false, Desk, Received);

        Assert.False(reading.HasDetails);
    }

    [Theory]
    [InlineData("Tráfico: entrante", TrafficDirection.Inbound)]
    [InlineData("Dirección: salida", TrafficDirection.Outbound)]
    [InlineData("Direction: incoming", TrafficDirection.Inbound)]
    [InlineData("Traffic (inbound or outbound): outbound", TrafficDirection.Outbound)]
    public void Traffic_direction_is_read_in_either_language(string line, TrafficDirection expected) =>
        Assert.Equal(expected, ChecklistReader.Read(line, english: false, Desk, Received).Details.Direction);

    [Fact]
    public void Unreadable_values_are_left_out_to_be_asked_again()
    {
        var reading = ChecklistReader.Read("Tráfico: ambos\nFecha y hora: la semana pasada\nNúmero directo: tal vez", english: false, Desk, Received);

        Assert.Null(reading.Details.Direction);
        Assert.Null(reading.Details.OccurredAt);
        Assert.Null(reading.Details.DirectNumber);
    }

    [Theory]
    [InlineData("Grupo de timbrado: no", false, null)]
    [InlineData("Grupo de timbrado: sí", true, null)]
    [InlineData("Grupo de timbrado: Sí, Ventas", true, "Ventas")]
    [InlineData("Ring group: Support queue", true, "Support queue")]
    public void Ring_group_answer_says_membership_and_name(string line, bool member, string? name)
    {
        var details = ChecklistReader.Read(line, english: false, Desk, Received).Details;

        Assert.Equal(member, details.InRingGroup);
        Assert.Equal(name, details.RingGroup);
    }

    [Fact]
    public void Impact_and_contact_are_read_for_the_severity_matrix()
    {
        var reading = ChecklistReader.Read("Usuarios afectados: toda la empresa\nImpacto: no funciona nada\nTeléfono: +506 4000 4000", english: false, Desk, Received);

        Assert.Equal(AffectedUsers.All, reading.AffectedUsers);
        Assert.Equal(Interruption.NotWorking, reading.Interruption);
        Assert.Equal("+506 4000 4000", reading.ContactNumber);
    }
}
