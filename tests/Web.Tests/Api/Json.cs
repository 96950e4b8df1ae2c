using System.Text.Json;
using CallMyWay.Voice.Web.Api;

namespace CallMyWay.Voice.Web.Tests.Api;

/// <summary>The API's own JSON settings, so tests read responses as clients would.</summary>
internal static class Json
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiServiceCollectionExtensions.Configure(options);
        return options;
    }
}
