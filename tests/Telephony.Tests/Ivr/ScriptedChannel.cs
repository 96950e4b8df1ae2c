using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Prompts;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Ivr;

/// <summary>
/// A call whose caller follows a script on a fake clock: keys pressed and words spoken at given times, each
/// relative to the previous action. Every prompt lasts <see cref="PromptLength"/>; playing, waiting for a digit
/// and recording advance the <see cref="FakeTimeProvider"/> exactly as far as the real call would wait, so
/// timeouts, type-ahead and barge-in happen as they would, with no sleeping. Every prompt played must exist
/// in the catalogue.
/// </summary>
internal sealed class ScriptedChannel(FakeTimeProvider time, DeskNumber did, string? callerNumber) : IIvrChannel
{
    public static readonly TimeSpan PromptLength = TimeSpan.FromSeconds(1);

    /// <summary>How long a caller who says nothing is recorded before the media layer calls it silence.</summary>
    public static readonly TimeSpan SilenceTimeout = TimeSpan.FromSeconds(5);

    private static readonly Lazy<PromptCatalogue> SharedCatalogue = new(() => PromptCatalogue.Load(RepositoryRoot.Prompts));

    private readonly Queue<CallerAction> _script = new();
    private readonly Queue<char> _buffer = new();
    private DateTimeOffset _lastAction = time.GetUtcNow();
    private DateTimeOffset? _hangupAt;
    private int _recordings;

    public static PromptCatalogue Catalogue => SharedCatalogue.Value;

    public string CallId => "call-7";

    public string? CallerNumber => callerNumber;

    public DeskNumber Did => did;

    public List<Playback> Played { get; } = [];

    public bool HungUpByIvr { get; private set; }

    /// <summary>Every prompt the IVR started, in order, as <c>lang/key</c>.</summary>
    public IReadOnlyList<string> Heard => [.. Played.SelectMany(playback => playback.Prompts.Select(prompt => prompt.ToString()))];

    /// <summary>Presses <paramref name="keys"/>: the first <paramref name="after"/> seconds after the previous action, the rest <paramref name="gap"/> apart.</summary>
    public ScriptedChannel Press(string keys, double after = 4, double gap = 0.3)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            _lastAction += TimeSpan.FromSeconds(i == 0 ? after : gap);
            _script.Enqueue(new CallerAction(_lastAction, keys[i], TimeSpan.Zero));
        }

        return this;
    }

    /// <summary>Speaks for <paramref name="seconds"/>, starting <paramref name="after"/> seconds after the previous action.</summary>
    public ScriptedChannel Speak(double seconds, double after = 3)
    {
        _lastAction += TimeSpan.FromSeconds(after);
        _script.Enqueue(new CallerAction(_lastAction, null, TimeSpan.FromSeconds(seconds)));
        _lastAction += TimeSpan.FromSeconds(seconds);
        return this;
    }

    /// <summary>Hangs up <paramref name="after"/> seconds after the previous action.</summary>
    public ScriptedChannel HangUp(double after = 2)
    {
        _hangupAt = _lastAction + TimeSpan.FromSeconds(after);
        return this;
    }

    public ValueTask PlayAsync(IReadOnlyList<PromptRef> prompts, bool bargeIn, CancellationToken cancellationToken)
    {
        foreach (var prompt in prompts)
        {
            Assert.True(Catalogue.Contains(prompt), $"The IVR played {prompt}, which the catalogue does not hold.");
        }

        var start = Now;
        DeliverDueKeys();
        if (bargeIn && _buffer.Count > 0)
        {
            Played.Add(new Playback(prompts, bargeIn, start, StoppedAt: start));
            return ValueTask.CompletedTask;
        }

        var end = start + (PromptLength * prompts.Count);
        if (bargeIn && NextKeyAt() is { } keyAt && keyAt < end)
        {
            AdvanceTo(keyAt);
            DeliverDueKeys();
            Played.Add(new Playback(prompts, bargeIn, start, StoppedAt: keyAt));
            return ValueTask.CompletedTask;
        }

        AdvanceTo(end);
        DeliverDueKeys();
        Played.Add(new Playback(prompts, bargeIn, start, StoppedAt: null));
        return ValueTask.CompletedTask;
    }

    public ValueTask<char?> ReadDigitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        DeliverDueKeys();
        if (_buffer.TryDequeue(out var buffered))
        {
            return ValueTask.FromResult<char?>(buffered);
        }

        if (NextKeyAt() is { } keyAt && keyAt <= Now + timeout)
        {
            AdvanceTo(keyAt);
            DeliverDueKeys();
            return ValueTask.FromResult<char?>(_buffer.Dequeue());
        }

        AdvanceTo(Now + timeout);
        return ValueTask.FromResult<char?>(null);
    }

    public ValueTask<IvrRecording?> RecordAsync(TimeSpan maxLength, CancellationToken cancellationToken)
    {
        DeliverDueKeys();
        if (!_script.TryPeek(out var next) || next.Speech == TimeSpan.Zero || next.At > Now + SilenceTimeout)
        {
            AdvanceTo(Now + SilenceTimeout);
            return ValueTask.FromResult<IvrRecording?>(null);
        }

        _script.Dequeue();
        var spoken = next.Speech < maxLength ? next.Speech : maxLength;
        AdvanceTo((next.At > Now ? next.At : Now) + spoken);

        // The '#' that ends a recording belongs to it.
        if (_script.TryPeek(out var key) && key.Key == '#' && key.At <= Now + SilenceTimeout)
        {
            _script.Dequeue();
            AdvanceTo(key.At > Now ? key.At : Now);
        }

        _recordings++;
        return ValueTask.FromResult<IvrRecording?>(new IvrRecording($"/var/recordings/{CallId}-{_recordings}.wav", spoken));
    }

    public ValueTask HangupAsync()
    {
        HungUpByIvr = true;
        return ValueTask.CompletedTask;
    }

    public void ClearDigits() => _buffer.Clear();

    private DateTimeOffset Now => time.GetUtcNow();

    private DateTimeOffset? NextKeyAt() => _script.TryPeek(out var next) && next.Key is not null ? next.At : null;

    private void DeliverDueKeys()
    {
        while (_script.TryPeek(out var next) && next.Key is { } key && next.At <= Now)
        {
            _script.Dequeue();
            _buffer.Enqueue(key);
        }
    }

    /// <summary>Moves the clock on; a caller who hangs up before then cancels whatever the IVR was doing.</summary>
    private void AdvanceTo(DateTimeOffset at)
    {
        if (_hangupAt is { } hangup && at >= hangup)
        {
            if (hangup > Now)
            {
                time.Advance(hangup - Now);
            }

            throw new OperationCanceledException("The caller hung up.");
        }

        if (at > Now)
        {
            time.Advance(at - Now);
        }
    }

    public sealed record Playback(IReadOnlyList<PromptRef> Prompts, bool BargeIn, DateTimeOffset StartedAt, DateTimeOffset? StoppedAt)
    {
        public IReadOnlyList<string> Keys => [.. Prompts.Select(prompt => prompt.Key)];

        public override string ToString() => string.Join(" ", Prompts) + (StoppedAt is null ? string.Empty : " [stopped]");
    }

    private sealed record CallerAction(DateTimeOffset At, char? Key, TimeSpan Speech);
}
