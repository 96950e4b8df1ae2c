using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Web.Desk;

namespace CallMyWay.Voice.Web.Api;

/// <summary>The desk's public facts: its numbers and whether it is open.</summary>
public static class DeskEndpoints
{
    public static IEndpointRouteBuilder MapDeskEndpoints(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("/api").WithTags("Desk").RequireRateLimiting(RateLimits.Public).RequireCors(Widgets.WidgetCors.Policy).AllowAnonymous();

        desk.MapGet("/numbers", (NumberPlan plan, DeskRules rules, TimeProvider time) =>
        {
            var open = rules.Calendar.IsOpen(time.GetUtcNow());
            var numbers = new List<object>(plan.Numbers.Count);
            foreach (var n in plan.Numbers)
            {
                numbers.Add(new { number = n.E164, display = n.Display, country = n.Country, language = n.Language, tollFree = n.TollFree, whatsApp = n.WhatsApp, open });
            }

            return Results.Ok(numbers);
        })
        .WithSummary("The desk's country numbers, with country, language and whether they are open now.");

        desk.MapGet("/hours", (DeskRules rules, TimeProvider time) =>
        {
            var calendar = rules.Calendar;
            var now = time.GetUtcNow();
            var hours = calendar.Hours;
            return Results.Ok(new
            {
                open = calendar.IsOpen(now),
                timeZone = DeskTimeText.Offset(hours.UtcOffset),
                nextOpen = calendar.NextOpen(now),
                nextClose = calendar.NextClose(now),
                weekdays = hours.Weekdays.ToString(),
                weekends = hours.Weekends.ToString(),
            });
        })
        .WithSummary("Whether the desk is open now, and when it next opens and closes.");

        return app;
    }

}
