using System.Globalization;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Prompts;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Media.Prompts;
using CallMyWay.Voice.Telephony.Media.Recording;

namespace CallMyWay.Voice.Telephony.Calls;

/// <summary>
/// The IVR's view of one call, over its RTP session: prompts from the library, one type-ahead buffer fed by every
/// DTMF source of the session (RFC 4733, SIP INFO, in-band), recordings into the call's folder.
/// </summary>
public sealed class IvrCallChannel : IIvrChannel, IDisposable
{
    private readonly RtpSession _media;
    private readonly PromptLibrary _prompts;
    private readonly TypeAheadBuffer _buffer;
    private readonly Func<ValueTask> _hangup;
    private readonly string _recordingFolder;
    private readonly CancellationTokenSource _pump;
    private int _recordings;

    public IvrCallChannel(string callId, string? callerNumber, DeskNumber did, RtpSession media, PromptLibrary prompts, TimeProvider time, Func<ValueTask> hangup, string recordingFolder)
    {
        ArgumentNullException.ThrowIfNull(media);
        CallId = callId;
        CallerNumber = callerNumber;
        Did = did;
        _media = media;
        _prompts = prompts;
        _hangup = hangup;
        _recordingFolder = recordingFolder;
        _buffer = new TypeAheadBuffer(time);
        _pump = new CancellationTokenSource();
        _ = PumpDigitsAsync(_pump.Token);
    }

    public string CallId { get; }
    public string? CallerNumber { get; }
    public DeskNumber Did { get; }

    public async ValueTask PlayAsync(IReadOnlyList<PromptRef> prompts, bool bargeIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        if (bargeIn && _buffer.Count > 0)
        {
            return;
        }

        var loaded = new List<Prompt>(prompts.Count);
        foreach (var prompt in prompts)
        {
            loaded.Add(_prompts.Get(prompt.Language + "/" + prompt.Key));
        }

        var playing = _media.Prompts.PlayAsync(loaded, bargeIn);
        using var stop = cancellationToken.Register(_media.Prompts.Stop);
        if (bargeIn)
        {
            // A digit that reaches the buffer by another path (SIP INFO) stops the prompt as a keyed one would.
            using var digitSeen = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var digit = _buffer.WaitForDigitAsync(digitSeen.Token);
            if (await Task.WhenAny(playing, digit).ConfigureAwait(false) == digit)
            {
                _media.Prompts.Stop();
            }

            await digitSeen.CancelAsync().ConfigureAwait(false);
        }

        await playing.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public ValueTask<char?> ReadDigitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _buffer.ReadAsync(timeout, cancellationToken);

    public async ValueTask<IvrRecording?> RecordAsync(TimeSpan maxLength, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_recordingFolder);
        var number = Interlocked.Increment(ref _recordings);
        var path = Path.Combine(_recordingFolder, $"{SafeName(CallId)}-{number.ToString(CultureInfo.InvariantCulture)}.wav");
        var recorder = _media.StartRecording(path, new CallRecorderOptions { MaxDuration = maxLength });
        using var stop = cancellationToken.Register(recorder.Stop);
        var result = await recorder.Completion.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return result.HeardSound ? new IvrRecording(path, result.Duration) : null;
    }

    public ValueTask HangupAsync() => _hangup();

    public void ClearDigits() => _buffer.Clear();

    public void Dispose()
    {
        _pump.Cancel();
        _pump.Dispose();
    }

    private static string SafeName(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] is not ('-' or '_'))
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    private async Task PumpDigitsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var digit in _media.Digits.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                _buffer.Push(digit.Digit);
            }
        }
        catch (OperationCanceledException)
        {
            // The call ended.
        }
    }
}
