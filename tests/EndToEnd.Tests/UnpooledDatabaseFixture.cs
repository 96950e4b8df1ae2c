namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>A service that opens a fresh database connection each time, so a test can take the database away and give it back.</summary>
public sealed class UnpooledDatabaseFixture : ServiceFixture
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"cmw-e2e-db-{Guid.NewGuid():N}.db");

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:Default"] = $"Data Source={DatabasePath};Pooling=False",
    };
}
