using System.Net.Http.Json;
using System.Text.Json;

namespace CallMyWay.Voice.EndToEnd.Tests;

public sealed class ServiceStartTests
{
    [Fact]
    public async Task The_run_command_is_healthy_within_15_seconds_and_lists_the_eight_numbers()
    {
        await using var service = ServiceProcess.Start();

        await service.WaitUntilHealthyAsync(TimeSpan.FromSeconds(15));

        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        var numbers = await client.GetFromJsonAsync<JsonElement>("/api/numbers");
        Assert.Equal(8, numbers.GetArrayLength());
    }

    [Fact]
    public async Task A_bad_configuration_stops_the_service_with_a_message_naming_the_key()
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string> { ["BusinessHours:Weekdays"] = "06:00-25:00" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("BusinessHours:Weekdays", error.Message, StringComparison.Ordinal);
    }
}
