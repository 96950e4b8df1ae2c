namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>What became of <c>DELETE /api/click2call/{id}</c>.</summary>
public enum Click2CallCancellation
{
    Cancelled,
    NotFound,

    /// <summary>Being dialled, answered or given up: too late to cancel.</summary>
    TooLate,
}
