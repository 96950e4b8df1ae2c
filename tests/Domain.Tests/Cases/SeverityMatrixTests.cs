using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Domain.Tests.Cases;

public class SeverityMatrixTests
{
    [Theory]
    // Interruption 4, no impact: a question or a request, whoever asks.
    [InlineData(AffectedUsers.One, Interruption.NoImpact, Severity.S4)]
    [InlineData(AffectedUsers.Several, Interruption.NoImpact, Severity.S4)]
    [InlineData(AffectedUsers.All, Interruption.NoImpact, Severity.S4)]
    // Interruption 3, affected but work goes on: normal.
    [InlineData(AffectedUsers.One, Interruption.AffectedCanWork, Severity.S3)]
    [InlineData(AffectedUsers.Several, Interruption.AffectedCanWork, Severity.S3)]
    [InlineData(AffectedUsers.All, Interruption.AffectedCanWork, Severity.S3)]
    // Interruption 2, seriously affected: high, but normal when it is one user.
    [InlineData(AffectedUsers.One, Interruption.SeriouslyAffected, Severity.S3)]
    [InlineData(AffectedUsers.Several, Interruption.SeriouslyAffected, Severity.S2)]
    [InlineData(AffectedUsers.All, Interruption.SeriouslyAffected, Severity.S2)]
    // Interruption 1, not working at all: critical, but high when it is one user.
    [InlineData(AffectedUsers.One, Interruption.NotWorking, Severity.S2)]
    [InlineData(AffectedUsers.Several, Interruption.NotWorking, Severity.S1)]
    [InlineData(AffectedUsers.All, Interruption.NotWorking, Severity.S1)]
    public void Severity_follows_users_affected_and_interruption(AffectedUsers users, Interruption interruption, Severity expected) =>
        Assert.Equal(expected, SeverityMatrix.From(users, interruption));

    [Fact]
    public void The_IVR_digits_map_onto_the_matrix()
    {
        // Users 2 (several) and interruption 1 (not working at all), as typed on the keypad.
        Assert.Equal(Severity.S1, SeverityMatrix.From((AffectedUsers)2, (Interruption)1));
        Assert.Equal(Severity.S4, SeverityMatrix.From((AffectedUsers)3, (Interruption)4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void An_interruption_outside_1_to_4_is_refused(int digit)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SeverityMatrix.From(AffectedUsers.One, (Interruption)digit));

        Assert.Equal("interruption", ex.ParamName);
    }
}
