using Quartz;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>The trigger of a callback's next attempt: hands it to the runner, which re-reads the callback (it may have been cancelled).</summary>
public sealed class Click2CallJob(Click2CallRunner runner) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        runner.Start(context.MergedJobDataMap.GetString(QuartzClick2CallScheduler.CallbackKey)!);
        return ValueTask.CompletedTask;
    }
}
