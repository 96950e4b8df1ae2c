namespace CallMyWay.Voice.Domain.Common;

/// <summary>
/// The word the external contract uses for an enum value (camelCase: <c>awaitingInfo</c>, <c>click2call</c>),
/// so history entries, e-mails and JSON all speak the same vocabulary.
/// </summary>
public static class ContractName
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return name.Length == 0 ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
    }
}
