using System.Globalization;
using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Prompts;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Web.Calls.Queue;
using CallMyWay.Voice.Web.Hubs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Web.Tests.Calls.Queue;

/// <summary>The whole answered-call application: IVR, queue, and the callback case when nobody answers in time.</summary>
public sealed class QueueTimeoutTests
{
    private static readonly DeskNumber Mexico = new("+525541708422", "MX", "es", TollFree: false, WhatsApp: false, "+52 55 4170 8422");

    [Fact]
    public async Task A_caller_no_agent_answers_within_the_maximum_wait_gets_a_callback_case_and_is_told_so()
    {
        // Monday 10:00 in GMT-6: the desk is open.
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00-06:00", CultureInfo.InvariantCulture));
        var dialer = new FakeAgentPhoneDialer();
        var settings = new Dictionary<string, string?> { ["Queue:MaxWait"] = "00:00:30", ["Queue:RingTimeout"] = "00:01:00" };
        await using var factory = new DeskFactory(settings: settings, time: time, services: s => s.AddSingleton<IAgentPhoneDialer>(dialer));
        _ = factory.Server;
        var services = factory.Services;
        var presence = services.GetRequiredService<AgentPresence>();
        presence.Connected("anna@desk.test", "connection-1", "201");
        presence.SetStatus("anna@desk.test", AgentStatus.Available);
        services.GetRequiredService<RegistrationBindings>().StoreForTest("201", [QueueHarness.PhoneAt("201", 5071, time.GetUtcNow())]);

        var media = services.GetRequiredService<MediaEngine>();
        Assert.True(media.TryAllocatePorts(out var ports));
        using var session = media.CreateSession(ports, QueueHarness.LoopbackMedia(9));
        using var hangUp = new CancellationTokenSource();
        var caller = new PressesZeroChannel("call-timeout", "+525512345678", Mexico);
        var call = new ActiveCall("call-timeout", Mexico, "+525512345678", CaseChannel.Phone, session, caller, () => ValueTask.CompletedTask, hangUp.Token);

        var running = services.GetRequiredService<ICallApplication>().RunAsync(call, hangUp.Token);

        // Anna's phone rings and is never answered; the fake clock then jumps past the maximum wait.
        await dialer.NextPlacedAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(31));

        await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(caller.Played, p => p.Key == PromptKeys.QueueTimeout);
        await using var scope = services.CreateAsyncScope();
        var cases = await scope.ServiceProvider.GetRequiredService<CaseService>().ListAsync(new CaseQuery { Caller = "+525512345678" }, CancellationToken.None);
        var callback = Assert.Single(cases);
        Assert.Equal(CaseKind.Callback, callback.Kind);
        Assert.Equal(CaseChannel.Phone, callback.Channel);
        Assert.Equal(Mexico.E164, callback.Did);
        await hangUp.CancelAsync();
    }

    /// <summary>A caller who presses 0 for an agent at the first menu and then just listens.</summary>
    private sealed class PressesZeroChannel(string callId, string callerNumber, DeskNumber did) : IIvrChannel
    {
        private int _reads;

        public string CallId { get; } = callId;

        public string? CallerNumber { get; } = callerNumber;

        public DeskNumber Did { get; } = did;

        public List<PromptRef> Played { get; } = [];

        public ValueTask PlayAsync(IReadOnlyList<PromptRef> prompts, bool bargeIn, CancellationToken cancellationToken)
        {
            lock (Played)
            {
                Played.AddRange(prompts);
            }

            return cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled(cancellationToken) : ValueTask.CompletedTask;
        }

        public ValueTask<char?> ReadDigitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
            ValueTask.FromResult<char?>(Interlocked.Increment(ref _reads) == 1 ? '0' : null);

        public ValueTask<IvrRecording?> RecordAsync(TimeSpan maxLength, CancellationToken cancellationToken) => ValueTask.FromResult<IvrRecording?>(null);

        public ValueTask HangupAsync() => ValueTask.CompletedTask;

        public void ClearDigits()
        {
            // Digits come from the script, never buffered.
        }
    }
}
