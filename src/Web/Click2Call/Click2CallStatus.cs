namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>Where a website callback stands; <see cref="Dialing"/> and <see cref="Scheduled"/> are pending (a new request for the number coalesces).</summary>
public enum Click2CallStatus
{
    Dialing,
    Scheduled,
    Answered,
    Failed,
    Cancelled,
}
