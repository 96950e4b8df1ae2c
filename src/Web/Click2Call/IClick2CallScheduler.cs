namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>Sets and clears the timer of a callback's next attempt (Quartz in production).</summary>
public interface IClick2CallScheduler
{
    Task ScheduleAsync(string callbackId, DateTimeOffset at, CancellationToken cancellationToken);

    Task CancelAsync(string callbackId, CancellationToken cancellationToken);
}
