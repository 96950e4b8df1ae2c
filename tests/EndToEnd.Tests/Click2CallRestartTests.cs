using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>
/// A callback asked for while the desk is closed survives a crash: the service is killed after scheduling it and
/// started again on the same data, and at the opening it dials the visitor through the carrier.
/// </summary>
public sealed class Click2CallRestartTests
{
    private static readonly TimeSpan DeskOffset = TimeSpan.FromHours(-6);

    [Fact]
    public async Task A_callback_scheduled_in_closed_hours_is_dialled_at_the_opening_after_the_service_was_restarted()
    {
        // The desk opens at the minute that starts between 75 and 135 seconds from now and stays open for the day.
        var localNow = DateTimeOffset.UtcNow.ToOffset(DeskOffset);
        var opening = new DateTimeOffset(localNow.Year, localNow.Month, localNow.Day, localNow.Hour, localNow.Minute, 0, DeskOffset).AddMinutes(2);
        if ((opening.Hour == 23 && opening.Minute >= 58) || opening.Day != localNow.Day)
        {
            // Minutes before midnight in GMT-6 an opening "later today" cannot be written as hours: wait past it.
            await Task.Delay(TimeSpan.FromMinutes(3));
            localNow = DateTimeOffset.UtcNow.ToOffset(DeskOffset);
            opening = new DateTimeOffset(localNow.Year, localNow.Month, localNow.Day, localNow.Hour, localNow.Minute, 0, DeskOffset).AddMinutes(2);
        }

        var window = $"{opening:HH:mm}-23:59";
        var trunkPort = ServiceProcess.FreeSipPort();
        var settings = new Dictionary<string, string>
        {
            ["Trunk:Host"] = "127.0.0.1",
            ["Trunk:Port"] = trunkPort.ToString(CultureInfo.InvariantCulture),
            ["Trunk:Username"] = "trunkuser",
            ["Trunk:Password"] = "s3cret",
            ["BusinessHours:Weekdays"] = window,
            ["BusinessHours:Weekends"] = window,
        };
        var data = Path.Combine(Path.GetTempPath(), $"cmw-e2e-restart-{Guid.NewGuid():N}");
        try
        {
            string id;
            DateTimeOffset scheduledFor;
            await using (var first = ServiceProcess.Start(settings, data))
            {
                await first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));
                using var visitor = new HttpClient { BaseAddress = first.BaseAddress };
                var response = await visitor.PostAsJsonAsync("/api/click2call", new { phone = "+52 55 8765 4321", name = "Visitante nocturno" });
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("scheduled", accepted.GetProperty("status").GetString());
                id = accepted.GetProperty("id").GetString()!;
                scheduledFor = accepted.GetProperty("scheduledFor").GetDateTimeOffset();
                Assert.Equal(opening, scheduledFor);
            }

            // Killed (no graceful stop) and started again: the schedule lives only in the database now.
            var carrier = Sipp.AnswerAsync(data, Path.Combine(Sipp.ScenarioFolder, "uas_auth.xml"), trunkPort, TimeSpan.FromMinutes(4), "-key", "authuser", "trunkuser", "-key", "authpass", "s3cret");
            await using var second = ServiceProcess.Start(settings, data);
            await second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));
            using var client = new HttpClient { BaseAddress = second.BaseAddress };
            var pending = await client.GetFromJsonAsync<JsonElement>($"/api/click2call/{id}");
            Assert.Equal("scheduled", pending.GetProperty("status").GetString());

            var result = await carrier;
            Assert.True(result.ExitCode == 0, result + "\n" + second.Output);
            Assert.Contains("INVITE sip:+525587654321@127.0.0.1", result.Messages, StringComparison.Ordinal);
            Assert.True(DateTimeOffset.UtcNow >= scheduledFor, "the visitor was dialled before the opening");
            var done = await client.GetFromJsonAsync<JsonElement>($"/api/click2call/{id}");
            Assert.Equal("answered", done.GetProperty("status").GetString());
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying process; the temp folder is cleaned by the OS.
            }
        }
    }
}
