namespace CallMyWay.Voice.Telephony.Ivr.Desk;

/// <summary>What became of a case the IVR handed to the desk.</summary>
/// <param name="Number">The case's number when it was saved; null when it waits in the durable outbox (database down).</param>
/// <param name="MissingInfo">The case fields still missing (contract names, e.g. <c>fullName</c>, <c>teamsEmail</c>).</param>
public sealed record IvrCaseReceipt(long? Number, IReadOnlyList<string> MissingInfo)
{
    /// <summary>Saved: the number can be read back.</summary>
    public bool IsSaved => Number is not null;

    public static IvrCaseReceipt Saved(long number, IReadOnlyList<string> missingInfo) => new(number, missingInfo);

    /// <summary>Accepted into the durable outbox: nothing is lost, the number comes when the database is back.</summary>
    public static IvrCaseReceipt Pending(IReadOnlyList<string> missingInfo) => new(null, missingInfo);
}
