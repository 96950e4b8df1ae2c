namespace CallMyWay.Voice.Domain.Cases;

/// <summary>
/// The seed's checklists: what an incident report and an activation request must carry before the
/// desk starts its review. Names are the case's JSON field names, so they can be shown and mailed as is.
/// </summary>
public static class RequiredInformation
{
    public static IReadOnlyList<string> MissingFor(CaseKind kind, CaseDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var missing = new List<string>();
        switch (kind)
        {
            case CaseKind.Incident:
                AddIfBlank(missing, "extension", details.Extension);
                if (details.Direction is null)
                {
                    missing.Add("direction");
                }

                AddIfBlank(missing, "counterpartNumber", details.CounterpartNumber);
                if (details.OccurredAt is null)
                {
                    missing.Add("occurredAt");
                }

                break;
            case CaseKind.Activation:
                AddIfBlank(missing, "accountId", details.AccountId);
                AddIfBlank(missing, "fullName", details.FullName);
                AddIfBlank(missing, "extension", details.Extension);
                if (details.DirectNumber is null)
                {
                    missing.Add("directNumber");
                }

                if (details.ExtensionType is null)
                {
                    missing.Add("extensionType");
                }
                else if (details.ExtensionType == ExtensionType.Teams)
                {
                    AddIfBlank(missing, "teamsEmail", details.TeamsEmail);
                }

                // "Whether it belongs to a ring group or queue": a no is complete, a yes needs the group's name.
                if (details.InRingGroup is null ? string.IsNullOrWhiteSpace(details.RingGroup) : details.InRingGroup.Value && string.IsNullOrWhiteSpace(details.RingGroup))
                {
                    missing.Add("ringGroup");
                }

                break;
            case CaseKind.Inquiry:
            case CaseKind.Callback:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown case kind.");
        }

        return missing;
    }

    private static void AddIfBlank(List<string> missing, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            missing.Add(name);
        }
    }
}
