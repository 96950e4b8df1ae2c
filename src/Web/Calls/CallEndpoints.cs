using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Web.Auth;

namespace CallMyWay.Voice.Web.Calls;

/// <summary><c>GET /api/calls</c>: the live calls as the board shows them.</summary>
public static class CallEndpoints
{
    public static IEndpointRouteBuilder MapCallEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/calls", (CallRegistry registry) =>
        {
            var calls = registry.Snapshot();
            var updates = new List<Hubs.CallUpdate>(calls.Count);
            foreach (var call in calls)
            {
                updates.Add(HubCallEventSink.ToUpdate(call));
            }

            return Results.Ok(updates);
        })
        .RequireAuthorization(AgentPolicies.Agent)
        .WithTags("Calls")
        .WithSummary("The live calls: state, DID, country, caller, IVR step and case.");
        return app;
    }
}
