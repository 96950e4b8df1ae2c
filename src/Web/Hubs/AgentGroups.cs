using System.Globalization;

namespace CallMyWay.Voice.Web.Hubs;

/// <summary>SignalR groups: one per support level, one for administrators, one per agent.</summary>
public static class AgentGroups
{
    public const string Admins = "admins";

    public static string Level(int level) => "level-" + level.ToString(CultureInfo.InvariantCulture);

    public static string Agent(string email) => "agent-" + email;
}
