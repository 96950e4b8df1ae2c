using CallMyWay.Voice.Telephony.Media.Codecs;
using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Engine;

namespace CallMyWay.Voice.Telephony.Media.Prompts;

/// <summary>
/// Plays prompts one after another into a call, 20 ms per clock tick from their cached payloads,
/// and lets the caller interrupt them with a key (barge-in).
/// </summary>
/// <remarks>
/// Each prompt starts on a frame of its own; its last frame is padded with silence. A run of
/// prompts ends when the queue drains, when a key interrupts a prompt queued with barge-in (the
/// rest of the queue is dropped and the key still reaches the call's digit stream), or on
/// <see cref="Stop"/>; <see cref="WhenDrained"/> completes then, never on the clock's thread.
/// Safe to use from any thread.
/// </remarks>
public sealed class PromptPlayer : IEncodedAudioSource
{
    private readonly Lock _gate = new();
    private readonly Queue<(Prompt Prompt, bool BargeIn)> _queue = new();
    private Prompt? _current;
    private bool _currentBargeIn;
    private int _position;
    private int _played;
    private TaskCompletionSource<PromptQueueResult>? _drained;

    /// <summary>Whether a prompt is playing or queued.</summary>
    public bool IsPlaying
    {
        get
        {
            lock (_gate)
            {
                return _current is not null;
            }
        }
    }

    /// <summary>The prompt playing now, or null.</summary>
    public Prompt? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Prompts waiting behind the current one.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Adds a prompt to the end of the queue; it starts at the next tick when nothing plays.</summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="bargeIn">Whether a key pressed while it plays stops it and clears the queue.</param>
    public void Enqueue(Prompt prompt, bool bargeIn = true)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        lock (_gate)
        {
            if (_current is null)
            {
                Begin(prompt, bargeIn);
                _played = 0;
                _drained = NewCompletion();
            }
            else
            {
                _queue.Enqueue((prompt, bargeIn));
            }
        }
    }

    /// <summary>Queues a prompt and returns <see cref="WhenDrained"/>.</summary>
    public Task<PromptQueueResult> PlayAsync(Prompt prompt, bool bargeIn = true)
    {
        lock (_gate)
        {
            Enqueue(prompt, bargeIn);
            return WhenDrained();
        }
    }

    /// <summary>Queues prompts in order and returns <see cref="WhenDrained"/>.</summary>
    public Task<PromptQueueResult> PlayAsync(IEnumerable<Prompt> prompts, bool bargeIn = true)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        lock (_gate)
        {
            foreach (Prompt prompt in prompts)
            {
                Enqueue(prompt, bargeIn);
            }

            return WhenDrained();
        }
    }

    /// <summary>
    /// Completes when the current run of prompts ends: drained, barged in or stopped. When nothing
    /// plays it is already complete.
    /// </summary>
    public Task<PromptQueueResult> WhenDrained()
    {
        lock (_gate)
        {
            return _drained?.Task ?? Task.FromResult(new PromptQueueResult(PromptStopReason.Completed, 0));
        }
    }

    /// <summary>Stops the prompt playing and clears the queue.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            Finish(PromptStopReason.Stopped, null);
        }
    }

    public int Read(Span<short> frame)
    {
        lock (_gate)
        {
            if (_current is null)
            {
                return 0;
            }

            int take = Math.Min(Math.Min(frame.Length, Prompt.SamplesPerFrame), _current.SampleCount - _position);
            _current.Pcm.Span.Slice(_position, take).CopyTo(frame);
            frame[take..Math.Min(frame.Length, Prompt.SamplesPerFrame)].Clear();
            Advance();
            return Math.Min(frame.Length, Prompt.SamplesPerFrame);
        }
    }

    public int ReadEncoded(IAudioCodec codec, Span<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(codec);
        lock (_gate)
        {
            if (_current is null)
            {
                return 0;
            }

            int take = Math.Min(Prompt.SamplesPerFrame, _current.SampleCount - _position);
            int written;
            if (_current.TryGetPayload(codec, out byte[]? encoded))
            {
                encoded.AsSpan(_position, take).CopyTo(payload);
                written = take;
                if (take < Prompt.SamplesPerFrame)
                {
                    Span<short> silence = stackalloc short[Prompt.SamplesPerFrame - take];
                    silence.Clear();
                    written += codec.Encode(silence, payload[take..]);
                }
            }
            else
            {
                // A codec the prompt was not encoded for: encode this frame now.
                Span<short> frame = stackalloc short[Prompt.SamplesPerFrame];
                _current.Pcm.Span.Slice(_position, take).CopyTo(frame);
                frame[take..].Clear();
                written = codec.Encode(frame, payload);
            }

            Advance();
            return written;
        }
    }

    /// <summary>
    /// A key was pressed: stops the queue when the prompt playing allows barge-in. Returns whether
    /// it did; the key goes on to the call's digit stream either way.
    /// </summary>
    internal bool TryBargeIn(DtmfDigit digit)
    {
        lock (_gate)
        {
            if (_current is null || !_currentBargeIn)
            {
                return false;
            }

            Finish(PromptStopReason.BargedIn, digit);
            return true;
        }
    }

    // Called with the lock held, after a frame of the current prompt was handed out.
    private void Advance()
    {
        _position += Prompt.SamplesPerFrame;
        if (_position < _current!.SampleCount)
        {
            return;
        }

        _played++;
        if (_queue.TryDequeue(out (Prompt Prompt, bool BargeIn) next))
        {
            Begin(next.Prompt, next.BargeIn);
            return;
        }

        Finish(PromptStopReason.Completed, null);
    }

    private void Begin(Prompt prompt, bool bargeIn)
    {
        _current = prompt;
        _currentBargeIn = bargeIn;
        _position = 0;
    }

    private void Finish(PromptStopReason reason, DtmfDigit? digit)
    {
        _queue.Clear();
        _current = null;
        _position = 0;
        TaskCompletionSource<PromptQueueResult>? drained = _drained;
        _drained = null;
        drained?.TrySetResult(new PromptQueueResult(reason, _played, digit));
        _played = 0;
    }

    // Continuations run on the thread pool: completion happens on the media clock's thread.
    private static TaskCompletionSource<PromptQueueResult> NewCompletion() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
