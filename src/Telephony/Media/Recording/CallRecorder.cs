using System.Buffers;
using System.Buffers.Binary;
using System.Threading.Channels;
using CallMyWay.Voice.Telephony.Media.Dtmf;
using NAudio.Utils;
using NAudio.Wave;

namespace CallMyWay.Voice.Telephony.Media.Recording;

/// <summary>
/// Records what a caller says into a WAV file (8 kHz mono 16-bit PCM), until a stop key, a stretch
/// of silence, a maximum length, the application or the end of the call stops it.
/// </summary>
/// <remarks>
/// <para>
/// The session feeds it one 20 ms frame per clock tick, silence when nothing arrived, so time and
/// silence are measured even when the caller's phone stops sending. Frames are copied into one-second
/// chunks that a background task writes, so the clock's thread never waits for the disk.
/// </para>
/// <para>
/// The last 60 ms are held back before being written: a key detected in the audio has been
/// sounding for two or more 12.75 ms analysis blocks by then, so when an in-band stop key ends the
/// recording, its tone is dropped with the held-back frames instead of ending the message.
/// </para>
/// </remarks>
public sealed class CallRecorder
{
    /// <summary>The sample rate of the recording.</summary>
    public const int SampleRate = 8000;

    private const int FrameSamples = SampleRate / 50;
    private const int HoldBackFrames = 3;
    private const int ChunkBytes = SampleRate * sizeof(short);

    private readonly Lock _gate = new();
    private readonly WaveFileWriter _writer;
    private readonly Channel<(byte[] Buffer, int Length)> _chunks =
        Channel.CreateUnbounded<(byte[] Buffer, int Length)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly TaskCompletionSource<RecordingResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly short[] _held = new short[HoldBackFrames * FrameSamples];
    private readonly long _maxSamples;
    private readonly long _silenceSamples;
    private readonly double _silenceEnergy;
    private int _heldSamples;
    private byte[] _chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private int _chunkLength;
    private long _acceptedSamples;
    private long _writtenSamples;
    private long _silentRun;
    private bool _heardSound;
    private bool _stopped;
    private RecordingResult? _result;

    /// <summary>Records into a new WAV file at <paramref name="path"/>, creating its folder if needed.</summary>
    public CallRecorder(string path, CallRecorderOptions? options = null)
        : this(CreateFile(path), path, options)
    {
    }

    /// <summary>Records into <paramref name="destination"/>, which stays open when the recording ends.</summary>
    public CallRecorder(Stream destination, CallRecorderOptions? options = null)
        : this(new IgnoreDisposeStream(destination ?? throw new ArgumentNullException(nameof(destination))), null, options)
    {
    }

    private CallRecorder(Stream stream, string? path, CallRecorderOptions? options)
    {
        Options = options ?? new CallRecorderOptions();
        Options.Validate();
        Path = path;
        _maxSamples = Options.MaxDuration.Ticks * SampleRate / TimeSpan.TicksPerSecond;
        _silenceSamples = Options.SilenceTimeout is { } timeout ? timeout.Ticks * SampleRate / TimeSpan.TicksPerSecond : long.MaxValue;
        _silenceEnergy = Options.SilenceThreshold * Options.SilenceThreshold;
        _writer = new WaveFileWriter(stream, new WaveFormat(SampleRate, 16, 1));
        _ = Task.Run(WriteChunksAsync);
    }

    /// <summary>The file written, or null when recording to a stream.</summary>
    public string? Path { get; }

    public CallRecorderOptions Options { get; }

    /// <summary>Completes when the recording has stopped and the file is closed.</summary>
    public Task<RecordingResult> Completion => _completion.Task;

    /// <summary>Whether it still takes audio.</summary>
    public bool IsRecording
    {
        get
        {
            lock (_gate)
            {
                return !_stopped;
            }
        }
    }

    /// <summary>Stops the recording; <see cref="Completion"/> reports <see cref="RecordingStopReason.Stopped"/>.</summary>
    public void Stop() => Finish(RecordingStopReason.Stopped, null, dropHeldBack: false);

    /// <summary>Takes the next 20 ms of received audio; silence when nothing arrived. Called on the clock's thread.</summary>
    internal void OnFrame(ReadOnlySpan<short> frame)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            ReadOnlySpan<short> take = frame[..(int)Math.Min(frame.Length, _maxSamples - _acceptedSamples)];
            double energy = 0;
            foreach (short sample in take)
            {
                energy += sample * sample;
            }

            if (take.Length > 0 && energy / take.Length > _silenceEnergy)
            {
                _heardSound = true;
                _silentRun = 0;
            }
            else
            {
                _silentRun += take.Length;
            }

            Hold(take);
            _acceptedSamples += take.Length;
            if (_acceptedSamples >= _maxSamples)
            {
                FinishLocked(RecordingStopReason.MaxDuration, null, dropHeldBack: false);
            }
            else if (_silentRun >= _silenceSamples)
            {
                FinishLocked(RecordingStopReason.Silence, null, dropHeldBack: false);
            }
        }
    }

    /// <summary>A key was pressed; returns true when it is a stop key, which the recording then consumes.</summary>
    internal bool OnDigit(DtmfDigit digit)
    {
        if (!Options.StopDigits.Contains(digit.Digit, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Finish(RecordingStopReason.Digit, digit.Digit, dropHeldBack: digit.Source == DtmfSource.InBand);
    }

    /// <summary>Ends the recording for the call's end.</summary>
    internal void Abort() => Finish(RecordingStopReason.Hangup, null, dropHeldBack: false);

    private bool Finish(RecordingStopReason reason, char? digit, bool dropHeldBack)
    {
        lock (_gate)
        {
            return FinishLocked(reason, digit, dropHeldBack);
        }
    }

    private bool FinishLocked(RecordingStopReason reason, char? digit, bool dropHeldBack)
    {
        if (_stopped)
        {
            return false;
        }

        _stopped = true;
        if (!dropHeldBack)
        {
            Append(_held.AsSpan(0, _heldSamples));
        }

        _heldSamples = 0;
        PostChunk();
        ArrayPool<byte>.Shared.Return(_chunk);
        _chunk = [];
        _result = new RecordingResult(
            reason,
            TimeSpan.FromTicks(_writtenSamples * TimeSpan.TicksPerSecond / SampleRate),
            Path,
            digit,
            _heardSound);
        _chunks.Writer.TryComplete();
        return true;
    }

    // Keeps the newest HoldBackFrames frames; what falls out of the window is written.
    private void Hold(ReadOnlySpan<short> samples)
    {
        int overflow = _heldSamples + samples.Length - _held.Length;
        if (overflow > 0)
        {
            Append(_held.AsSpan(0, overflow));
            _held.AsSpan(overflow, _heldSamples - overflow).CopyTo(_held);
            _heldSamples -= overflow;
        }

        samples.CopyTo(_held.AsSpan(_heldSamples));
        _heldSamples += samples.Length;
    }

    private void Append(ReadOnlySpan<short> samples)
    {
        foreach (short sample in samples)
        {
            if (_chunkLength == ChunkBytes)
            {
                PostChunk();
            }

            BinaryPrimitives.WriteInt16LittleEndian(_chunk.AsSpan(_chunkLength), sample);
            _chunkLength += sizeof(short);
        }

        _writtenSamples += samples.Length;
    }

    private void PostChunk()
    {
        if (_chunkLength == 0)
        {
            return;
        }

        _chunks.Writer.TryWrite((_chunk, _chunkLength));
        _chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        _chunkLength = 0;
    }

    private async Task WriteChunksAsync()
    {
        try
        {
            await foreach ((byte[] buffer, int length) in _chunks.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                _writer.Write(buffer, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
            }

            // Disposing writes the final RIFF and data sizes.
            await _writer.DisposeAsync().ConfigureAwait(false);
            RecordingResult result;
            lock (_gate)
            {
                result = _result!;
            }

            _completion.TrySetResult(result);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                _stopped = true;
            }

            _chunks.Writer.TryComplete();
            while (_chunks.Reader.TryRead(out (byte[] Buffer, int Length) chunk))
            {
                ArrayPool<byte>.Shared.Return(chunk.Buffer);
            }

            try
            {
                _writer.Dispose();
            }
            catch (IOException)
            {
                // The disk already failed; the first error is the one to report.
            }

            _completion.TrySetException(exception);
        }
    }

    private static FileStream CreateFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024, useAsync: false);
    }
}
