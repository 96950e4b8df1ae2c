namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>A service whose trunk is elsewhere (10.0.0.0/8): callers on 127.0.0.1 are strangers unless they authenticate.</summary>
public sealed class TrunkOnlyFixture : ServiceFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Trunk:AllowedSources:0"] = "10.0.0.0/8",
    };
}
