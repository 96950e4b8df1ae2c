using Quartz;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>One Quartz job per pending callback, fired at its next attempt; the callback table is the durable copy.</summary>
public sealed class QuartzClick2CallScheduler(ISchedulerFactory schedulers, TimeProvider time) : IClick2CallScheduler
{
    public const string Group = "click2call";
    public const string CallbackKey = "callbackId";

    public async Task ScheduleAsync(string callbackId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var job = JobBuilder.Create<Click2CallJob>().WithIdentity(callbackId, Group).UsingJobData(CallbackKey, callbackId).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(callbackId, Group)
            .ForJob(job)
            // A time that passed while the service was down fires as soon as it is back (started now, not in the past,
            // to keep Quartz's misfire handling on its own clock out of it).
            .StartAt(at > now ? at : now)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
    }

    public async Task CancelAsync(string callbackId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(new JobKey(callbackId, Group), cancellationToken).ConfigureAwait(false);
    }
}
