namespace CallMyWay.Voice.Web.Hubs;

/// <summary>The names of what the server sends to agents' consoles, spelled exactly as CONTRACT.md says.</summary>
public static class AgentHubEvents
{
    public const string CallUpdated = "callUpdated";
    public const string CaseUpdated = "caseUpdated";
    public const string SlaAlert = "slaAlert";
}
