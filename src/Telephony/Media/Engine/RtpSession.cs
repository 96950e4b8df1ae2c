using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Channels;
using CallMyWay.Voice.Telephony.Media.Codecs;
using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Prompts;
using CallMyWay.Voice.Telephony.Media.Recording;
using CallMyWay.Voice.Telephony.Media.Rtp;
using CallMyWay.Voice.Telephony.Sdp;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>
/// The running media of one call leg: its RTP and RTCP sockets, the stream it sends on each clock
/// tick, the stream it receives, and the key presses that arrive by any path.
/// </summary>
/// <remarks>
/// <para>
/// Sending: each tick sends one 20 ms frame (RTP timestamp +160 at 8 kHz), taken from the prompt
/// player while it plays, else from <see cref="Source"/>, else silence, so that NAT bindings stay
/// open while nothing is said. Keys queued with <see cref="SendDigit"/> replace the audio of their
/// frames as RFC 4733 events, or as tones when no telephone-event was agreed. An RTCP SR or RR
/// with an SDES CNAME goes out about every five seconds (RFC 3550 §6.2, a fixed mean interval,
/// enough for a two-party session). Frames are always 20 ms, the packet time of every common
/// phone; a negotiated a=ptime other than 20 is not followed.
/// </para>
/// <para>
/// Receiving: one asynchronous receive loop per socket (a pending <c>ReceiveFromAsync</c> costs no
/// thread, so a thousand calls share the runtime's socket engine). RTP is symmetric (RFC 4961):
/// the first datagram's source is latched and ours is sent there from then on, which is how media
/// reaches a peer behind NAT. After latching, datagrams from any other address, and audio with
/// another SSRC, are dropped and counted — except telephone-events from the latched address, which
/// sipp sends with an SSRC of their own. Audio is decoded for in-band key detection and, while a
/// recorder or bridge listens, kept in a small jitter buffer from which one frame per tick is taken.
/// </para>
/// <para>
/// Keys: RFC 4733 events, in-band tones and SIP INFO (<see cref="ReportSipInfoDigit"/>) merge into
/// one stream, <see cref="Digits"/> (and <see cref="DigitReceived"/>). A key that arrives by a
/// second path within <see cref="RtpSessionOptions.DuplicateDigitWindow"/> of the first is dropped;
/// an in-band detection is also dropped while RFC 4733 packets of the same key keep arriving.
/// </para>
/// </remarks>
public sealed partial class RtpSession : IMediaClockStream, IDisposable
{
    private const int ReceiveBufferSize = 2048;
    private const int MaxFramePayload = 320;
    private const int RtcpBufferSize = 512;
    private const int DigitQueueLimit = 32;
    private const int DigitStreamCapacity = 64;

    // Two silent frames between keys sent, so the receiver sees each one end (ITU-T Q.24 asks 40 ms).
    private const int InterDigitGapFrames = 2;

    // Each tone of an in-band key at about -13 dBm0, well inside what Q.24 receivers accept.
    private const double ToneAmplitude = 7000;

    private static readonly TimeSpan MinDigitDuration = TimeSpan.FromMilliseconds(40);
    private static readonly TimeSpan MaxDigitDuration = TimeSpan.FromSeconds(5);

    private readonly RtpPortPair _ports;
    private readonly MediaClock _clock;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RtpSessionOptions _options;
    private readonly Action<RtpSession>? _onDisposed;
    private readonly string _cname;
    private readonly long _created;
    private readonly Channel<DtmfDigit> _digits = Channel.CreateBounded<DtmfDigit>(
        new BoundedChannelOptions(DigitStreamCapacity) { FullMode = BoundedChannelFullMode.DropOldest });

    private volatile Negotiation _negotiation;
    private volatile bool _disposed;
    private volatile IAudioSource? _source;
    private volatile CallRecorder? _recorder;
    private volatile SocketAddress? _latchedRtp;
    private volatile bool _relatchRtp;
    private volatile bool _relatchRtcp;
    private int _bridges;

    // Send side: the clock's thread and the commands that queue work for it, under _sendLock.
    private readonly Lock _sendLock = new();
    private readonly byte[] _packet = new byte[RtpHeader.FixedSize + MaxFramePayload];
    private readonly short[] _sendPcm = new short[MediaClock.SamplesPerFrame];
    private readonly Queue<(char Digit, TimeSpan Duration)> _digitsToSend = new();
    private readonly uint _timestampOrigin;
    private ushort _sequence;
    private long _firstTick = -1;
    private uint _lastTimestamp;
    private long _nextReportTick;
    private bool _started;
    private bool _marker = true;
    private bool _sentSinceReport;
    private TelephoneEventSender _event;
    private bool _eventActive;
    private int _eventIndex;
    private char _toneDigit;
    private int _toneSample;
    private int _toneSamplesLeft;
    private int _gapFrames;
    private long _packetsSent;
    private long _octetsSent;
    private long _sendErrors;
    private long _rtcpSent;

    // The frame taken from the jitter buffer this tick, for the recorder and a bridged leg.
    private readonly byte[] _captureFrame = new byte[MediaClock.SamplesPerFrame];
    private readonly short[] _capturePcm = new short[MediaClock.SamplesPerFrame];
    private bool _captured;
    private long _capturedTick = -1;
    private long _consumedTick = -1;

    // Receive side: owned by the RTP receive loop.
    private readonly short[] _receivePcm = new short[ReceiveBufferSize];
    private readonly byte[] _transcoded = new byte[ReceiveBufferSize];
    private readonly TelephoneEventReceiver _eventReceiver = new();
    private readonly InbandDtmfDetector? _inband;
    private readonly ReceivedAudioBuffer _received = new();
    private bool _hasRemoteSsrc;
    private uint _remoteSsrc;
    private long _lastRemotePacket;

    // Owned by the RTCP receive loop.
    private SocketAddress? _latchedRtcp;

    // Shared by both loops, the clock and readers of the statistics, under _statsLock.
    private readonly Lock _statsLock = new();
    private RtpSequenceTracker _tracker = new();
    private IPEndPoint? _latchedEndPoint;
    private uint? _statsRemoteSsrc;
    private long _packetsReceived;
    private long _droppedFromOtherSources;
    private long _droppedOtherSsrc;
    private long _droppedInvalid;
    private long _rtcpReceived;
    private RtcpReportBlock? _peerReport;
    private TimeSpan? _roundTripTime;
    private bool _peerSentGoodbye;
    private bool _hasSenderReport;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;

    // Key de-duplication across paths, under _digitLock.
    private readonly Lock _digitLock = new();
    private char _lastEventKey;
    private long _lastEventActivity;
    private char _lastDeliveredKey;
    private DtmfSource _lastDeliveredSource;
    private long _lastDeliveredAt;

    internal RtpSession(
        RtpPortPair ports,
        NegotiatedMedia media,
        MediaClock clock,
        RtpSessionOptions? options = null,
        ILogger? logger = null,
        Action<RtpSession>? onDisposed = null)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(clock);
        ObjectDisposedException.ThrowIf(ports.IsDisposed, ports);
        _ports = ports;
        _clock = clock;
        _time = clock.TimeProvider;
        _options = options ?? new RtpSessionOptions();
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _onDisposed = onDisposed;
        _negotiation = new Negotiation(media, ports.RtpSocket.AddressFamily);
        _inband = _options.DetectInbandDtmf ? new InbandDtmfDetector() : null;
        _created = _time.GetTimestamp();

        // RFC 3550 §5.1, §8.1: random SSRC, initial sequence number and timestamp.
        Ssrc = (uint)RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue);
        _sequence = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        _timestampOrigin = (uint)RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue);

        // RFC 7022 §4.2: a random CNAME per session, 96 bits in base64.
        _cname = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));

        _ = Task.Run(() => ReceiveLoopAsync(ports.RtpSocket, rtcp: false));
        _ = Task.Run(() => ReceiveLoopAsync(ports.RtcpSocket, rtcp: true));
    }

    /// <summary>A key press arrived (after de-duplication); raised on the receive loop or the caller of <see cref="ReportSipInfoDigit"/>.</summary>
    public event EventHandler<DtmfDigitEventArgs>? DigitReceived;

    /// <summary>Our SSRC.</summary>
    public uint Ssrc { get; }

    /// <summary>The socket pair; disposed with the session.</summary>
    public RtpPortPair Ports => _ports;

    /// <summary>The media as last negotiated.</summary>
    public NegotiatedMedia Media => _negotiation.Media;

    /// <summary>The codec frames are sent and received with.</summary>
    public IAudioCodec Codec => _negotiation.Codec;

    /// <summary>Where RTP goes: the latched source of the peer's RTP, else the address of its SDP.</summary>
    public IPEndPoint? RemoteEndPoint
    {
        get
        {
            lock (_statsLock)
            {
                return _latchedEndPoint ?? _negotiation.Media.RemoteRtpEndPoint;
            }
        }
    }

    /// <summary>Whether the peer's RTP source has been latched (RFC 4961).</summary>
    public bool IsLatched => _latchedRtp is not null;

    /// <summary>Whether <see cref="Start"/> was called: the session is on the clock, sending.</summary>
    public bool IsStarted
    {
        get
        {
            lock (_sendLock)
            {
                return _started && !_disposed;
            }
        }
    }

    public bool IsDisposed => _disposed;

    /// <summary>Every key the caller pressed, by any path, in order; completes when the session is disposed.</summary>
    public ChannelReader<DtmfDigit> Digits => _digits.Reader;

    /// <summary>The prompts playing into this call; while one plays it takes the place of <see cref="Source"/>.</summary>
    public PromptPlayer Prompts { get; } = new();

    /// <summary>What the call hears when no prompt plays; null for silence. A bridge sets it to the other leg.</summary>
    public IAudioSource? Source
    {
        get => _source;
        set => _source = value;
    }

    /// <summary>The recording in progress, or null.</summary>
    public CallRecorder? Recorder => _recorder is { IsRecording: true } recorder ? recorder : null;

    /// <summary>Keys queued by <see cref="SendDigit"/> that have not started sounding.</summary>
    public int PendingDigits
    {
        get
        {
            lock (_sendLock)
            {
                return _digitsToSend.Count + (_eventActive || _toneSamplesLeft > 0 ? 1 : 0);
            }
        }
    }

    private bool CaptureEnabled => _recorder is not null || Volatile.Read(ref _bridges) > 0;

    /// <summary>Puts the session on the clock: from the next tick it sends audio and RTCP.</summary>
    public void Start()
    {
        lock (_sendLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                return;
            }

            _started = true;
        }

        _clock.Register(this);
        LogStarted(_logger, _ports.RtpPort, _negotiation.Media.Codec.EncodingName, _negotiation.Media.RemoteRtpEndPoint);
    }

    /// <summary>
    /// Applies a new offer/answer (re-INVITE, UPDATE): codec, payload types, direction, remote
    /// address. When the remote RTP address changes, latching starts over for the new peer.
    /// </summary>
    public void UpdateMedia(NegotiatedMedia media)
    {
        ArgumentNullException.ThrowIfNull(media);
        var next = new Negotiation(media, _ports.RtpSocket.AddressFamily);
        lock (_sendLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Negotiation previous = _negotiation;
            _negotiation = next;
            if (!Equals(previous.Media.RemoteRtpEndPoint, media.RemoteRtpEndPoint)
                || previous.Media.RemoteRtcpPort != media.RemoteRtcpPort)
            {
                _latchedRtp = null;
                _relatchRtp = true;
                _relatchRtcp = true;
                lock (_statsLock)
                {
                    _latchedEndPoint = null;
                }
            }

            if (previous.Codec != next.Codec)
            {
                _received.Clear();
            }

            if (!previous.SendsMedia && next.SendsMedia)
            {
                _marker = true;
            }
        }
    }

    /// <summary>
    /// Queues a key to send: RFC 4733 events when telephone-event was agreed, else DTMF tones.
    /// Keys follow each other with a short pause. False for a character that is no key, or when
    /// too many keys wait.
    /// </summary>
    public bool SendDigit(char digit, TimeSpan? duration = null)
    {
        if (!TelephoneEvent.TryGetEventCode(digit, out _))
        {
            return false;
        }

        TimeSpan length = duration ?? _options.DigitDuration;
        length = length < MinDigitDuration ? MinDigitDuration : length > MaxDigitDuration ? MaxDigitDuration : length;
        lock (_sendLock)
        {
            if (_disposed || _digitsToSend.Count >= DigitQueueLimit)
            {
                return false;
            }

            _digitsToSend.Enqueue((char.ToUpperInvariant(digit), length));
            return true;
        }
    }

    /// <summary>Queues every key of <paramref name="digits"/>; returns how many were queued.</summary>
    public int SendDigits(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        int queued = 0;
        foreach (char digit in digits)
        {
            if (SendDigit(digit))
            {
                queued++;
            }
        }

        return queued;
    }

    /// <summary>
    /// Merges a key that the signalling layer received in a SIP INFO into the digit stream; false
    /// when the character is no DTMF key.
    /// </summary>
    public bool ReportSipInfoDigit(char digit, TimeSpan duration = default)
    {
        if (_disposed || !TelephoneEvent.TryGetEventCode(digit, out _))
        {
            return false;
        }

        OnDigitDetected(new DtmfDigit(char.ToUpperInvariant(digit), DtmfSource.SipInfo, duration), _time.GetTimestamp());
        return true;
    }

    /// <summary>
    /// Reads the body of a SIP INFO (<c>application/dtmf-relay</c> or <c>application/dtmf</c>) and
    /// merges its key into the digit stream; false when the body holds no key, which the signalling
    /// layer may answer 415 or 400.
    /// </summary>
    public bool ReportSipInfo(string? contentType, ReadOnlySpan<byte> body) =>
        SipInfoDtmf.TryParse(contentType, body, out char digit, out int durationMs)
        && ReportSipInfoDigit(digit, TimeSpan.FromMilliseconds(durationMs));

    /// <summary>
    /// Starts recording what the caller says into a WAV file; a recording already running stops
    /// with <see cref="RecordingStopReason.Stopped"/>. Await <see cref="CallRecorder.Completion"/>.
    /// </summary>
    public CallRecorder StartRecording(string path, CallRecorderOptions? options = null) =>
        StartRecording(new CallRecorder(path, options));

    /// <summary>Starts recording into a stream; see <see cref="StartRecording(string, CallRecorderOptions?)"/>.</summary>
    public CallRecorder StartRecording(Stream destination, CallRecorderOptions? options = null) =>
        StartRecording(new CallRecorder(destination, options));

    /// <summary>The counters of the stream in both directions.</summary>
    public RtpSessionStatistics GetStatistics()
    {
        long sent;
        long octets;
        long sendErrors;
        long rtcpSent;
        lock (_sendLock)
        {
            sent = _packetsSent;
            octets = _octetsSent;
            sendErrors = _sendErrors;
            rtcpSent = _rtcpSent;
        }

        lock (_statsLock)
        {
            return new RtpSessionStatistics(
                sent,
                octets,
                _packetsReceived,
                _tracker.CumulativeLost,
                TimeSpan.FromTicks(_tracker.Jitter * TimeSpan.TicksPerSecond / 8000),
                _droppedFromOtherSources,
                _droppedOtherSsrc,
                _droppedInvalid,
                sendErrors,
                rtcpSent,
                _rtcpReceived,
                _statsRemoteSsrc,
                _latchedEndPoint,
                _peerReport?.LossRatio,
                _peerReport?.CumulativeLost,
                _peerReport is { } report ? TimeSpan.FromTicks(report.Jitter * TimeSpan.TicksPerSecond / 8000) : null,
                _roundTripTime,
                _peerSentGoodbye);
        }
    }

    /// <summary>
    /// Ends the leg: leaves the clock, stops prompts and recording, sends an RTCP BYE (RFC 3550
    /// §6.6), closes the sockets (returning the ports) and completes <see cref="Digits"/>.
    /// </summary>
    public void Dispose()
    {
        lock (_sendLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_started)
            {
                SendGoodbye();
            }
        }

        _clock.Unregister(this);
        Prompts.Stop();
        Interlocked.Exchange(ref _recorder, null)?.Abort();
        _ports.Dispose();
        _digits.Writer.TryComplete();
        LogStopped(_logger, _ports.RtpPort);
        _onDisposed?.Invoke(this);
    }

    /// <summary>Sends this tick's frame and, when due, an RTCP report. Called by the clock.</summary>
    public void OnTick(MediaTick tick)
    {
        lock (_sendLock)
        {
            if (_disposed || !_started)
            {
                return;
            }

            if (_firstTick < 0)
            {
                _firstTick = tick.Index;

                // RFC 3550 §6.2: the first report after half the interval.
                _nextReportTick = tick.Index + ReportDelayTicks(0.5);
            }

            Negotiation negotiation = _negotiation;
            uint timestamp = unchecked(_timestampOrigin + (uint)((tick.Index - _firstTick) * MediaClock.SamplesPerFrame));
            _lastTimestamp = timestamp;
            Capture(tick, negotiation);
            SendFrame(negotiation, timestamp);
            if (tick.Index >= _nextReportTick)
            {
                SendReport(negotiation, timestamp);
                _nextReportTick = tick.Index + ReportDelayTicks(1);
            }
        }
    }

    internal void AttachBridge()
    {
        if (Interlocked.Increment(ref _bridges) == 1 && _recorder is null)
        {
            // Nothing listened until now: what the buffer holds is stale.
            _received.Clear();
        }
    }

    internal void DetachBridge() => Interlocked.Decrement(ref _bridges);

    /// <summary>
    /// The frame this leg received at its latest tick, converted to <paramref name="codec"/>, for
    /// the other leg of a bridge; each frame is handed out once. Called on the clock's thread.
    /// </summary>
    internal int TakeCapturedFrame(IAudioCodec codec, Span<byte> payload)
    {
        if (!_captured || _consumedTick == _capturedTick)
        {
            return 0;
        }

        _consumedTick = _capturedTick;
        IAudioCodec own = _negotiation.Codec;
        ReadOnlySpan<byte> frame = _captureFrame;
        if (own == codec)
        {
            // Same codec on both legs: the payload passes through untouched.
            frame.CopyTo(payload);
            return frame.Length;
        }

        if (own is PcmuCodec && codec is PcmaCodec)
        {
            return G711Transcoder.PcmuToPcma(frame, payload);
        }

        if (own is PcmaCodec && codec is PcmuCodec)
        {
            return G711Transcoder.PcmaToPcmu(frame, payload);
        }

        Span<short> pcm = stackalloc short[frame.Length];
        int samples = own.Decode(frame, pcm);
        return codec.Encode(pcm[..samples], payload);
    }

    /// <summary>As <see cref="TakeCapturedFrame(IAudioCodec, Span{byte})"/>, decoded to PCM.</summary>
    internal int TakeCapturedFrame(Span<short> pcm)
    {
        if (!_captured || _consumedTick == _capturedTick)
        {
            return 0;
        }

        _consumedTick = _capturedTick;
        return _negotiation.Codec.Decode(_captureFrame, pcm);
    }

    private CallRecorder StartRecording(CallRecorder recorder)
    {
        if (_disposed)
        {
            recorder.Abort();
            throw new ObjectDisposedException(nameof(RtpSession));
        }

        if (_recorder is null && Volatile.Read(ref _bridges) == 0)
        {
            // Nothing listened until now: what the buffer holds is stale.
            _received.Clear();
        }

        Interlocked.Exchange(ref _recorder, recorder)?.Stop();
        return recorder;
    }

    private void Capture(MediaTick tick, Negotiation negotiation)
    {
        CallRecorder? recorder = _recorder;
        if (recorder is null && Volatile.Read(ref _bridges) == 0)
        {
            _captured = false;
            return;
        }

        _captured = _received.TryRead(_captureFrame);
        _capturedTick = tick.Index;
        if (recorder is null)
        {
            return;
        }

        if (_captured)
        {
            negotiation.Codec.Decode(_captureFrame, _capturePcm);
        }
        else
        {
            Array.Clear(_capturePcm);
        }

        recorder.OnFrame(_capturePcm);
        if (!recorder.IsRecording)
        {
            Interlocked.CompareExchange(ref _recorder, null, recorder);
        }
    }

    private void SendFrame(Negotiation negotiation, uint timestamp)
    {
        Span<byte> payload = _packet.AsSpan(RtpHeader.FixedSize);
        SocketAddress? target = negotiation.SendsMedia ? _latchedRtp ?? negotiation.RtpTarget : null;
        if (target is null)
        {
            // On hold or no address: sources keep time, keys are not sent to nobody, the next
            // packet starts a talkspurt.
            PullAudio(negotiation, payload);
            _digitsToSend.Clear();
            _eventActive = false;
            _toneSamplesLeft = 0;
            _gapFrames = 0;
            _marker = true;
            return;
        }

        if (!_eventActive && _toneSamplesLeft == 0 && _gapFrames == 0 && _digitsToSend.TryDequeue(out (char Digit, TimeSpan Duration) key))
        {
            StartDigit(negotiation, key.Digit, key.Duration, timestamp);
        }

        int length;
        if (_eventActive)
        {
            // RFC 4733 §2.5.1: the event packets take the place of the audio of their frames.
            PullAudio(negotiation, payload);
            length = _event.WritePacket(_eventIndex, _packet);
            _eventIndex++;
            _sequence = unchecked((ushort)(_event.FirstSequenceNumber + _eventIndex));
            if (_eventIndex == _event.PacketCount)
            {
                _eventActive = false;
                _gapFrames = InterDigitGapFrames;
            }
        }
        else
        {
            int payloadLength;
            if (_toneSamplesLeft > 0)
            {
                PullAudio(negotiation, payload);
                payloadLength = WriteTone(negotiation, payload);
            }
            else if (_gapFrames > 0)
            {
                PullAudio(negotiation, payload);
                negotiation.Silence.CopyTo(payload);
                payloadLength = negotiation.Silence.Length;
                _gapFrames--;
            }
            else
            {
                payloadLength = PullAudio(negotiation, payload);
                if (payloadLength == 0)
                {
                    negotiation.Silence.CopyTo(payload);
                    payloadLength = negotiation.Silence.Length;
                }
            }

            // RFC 3551 §4.1: the marker starts a talkspurt: the first packet, and after a pause.
            new RtpHeader(negotiation.SendPayloadType, _sequence, timestamp, Ssrc, _marker).Write(_packet);
            _sequence++;
            _marker = false;
            length = RtpHeader.FixedSize + payloadLength;
        }

        if (Send(_ports.RtpSocket, _packet.AsSpan(0, length), target))
        {
            _packetsSent++;
            _octetsSent += length - RtpHeader.FixedSize;
            _sentSinceReport = true;
        }
    }

    private int PullAudio(Negotiation negotiation, Span<byte> payload)
    {
        int written = Prompts.ReadEncoded(negotiation.Codec, payload);
        if (written > 0)
        {
            return written;
        }

        IAudioSource? source = _source;
        if (source is null)
        {
            return 0;
        }

        if (source is IEncodedAudioSource encoded)
        {
            return encoded.ReadEncoded(negotiation.Codec, payload);
        }

        int samples = Math.Min(source.Read(_sendPcm), _sendPcm.Length);
        if (samples <= 0)
        {
            return 0;
        }

        _sendPcm.AsSpan(samples).Clear();
        return negotiation.Codec.Encode(_sendPcm, payload);
    }

    private void StartDigit(Negotiation negotiation, char digit, TimeSpan duration, uint timestamp)
    {
        if (negotiation.SendEventPayloadType is byte payloadType)
        {
            _event = new TelephoneEventSender(digit, duration, Ssrc, _sequence, timestamp, payloadType);
            _eventIndex = 0;
            _eventActive = true;
        }
        else
        {
            _toneDigit = digit;
            _toneSample = 0;
            _toneSamplesLeft = DtmfToneGenerator.SampleCount(duration);
        }
    }

    private int WriteTone(Negotiation negotiation, Span<byte> payload)
    {
        int samples = Math.Min(_sendPcm.Length, _toneSamplesLeft);
        DtmfToneGenerator.Write(_toneDigit, ToneAmplitude, _sendPcm.AsSpan(0, samples), _toneSample);
        _sendPcm.AsSpan(samples).Clear();
        _toneSample += samples;
        _toneSamplesLeft -= samples;
        if (_toneSamplesLeft == 0)
        {
            _gapFrames = InterDigitGapFrames;
        }

        return negotiation.Codec.Encode(_sendPcm, payload);
    }

    private void SendReport(Negotiation negotiation, uint timestamp)
    {
        (Socket socket, SocketAddress? target) = RtcpDestination(negotiation);
        if (target is null)
        {
            return;
        }

        Span<byte> buffer = stackalloc byte[RtcpBufferSize];
        int length = WriteReport(buffer, timestamp);
        if (Send(socket, buffer[..length], target))
        {
            _rtcpSent++;
        }
    }

    private void SendGoodbye()
    {
        Negotiation negotiation = _negotiation;
        (Socket socket, SocketAddress? target) = RtcpDestination(negotiation);
        if (target is null || _firstTick < 0)
        {
            return;
        }

        // RFC 3550 §6.1: a BYE travels in a compound that starts with a report.
        Span<byte> buffer = stackalloc byte[RtcpBufferSize];
        int length = WriteReport(buffer, _lastTimestamp);
        length += RtcpPacket.WriteGoodbye(buffer[length..], Ssrc);
        if (Send(socket, buffer[..length], target))
        {
            _rtcpSent++;
        }
    }

    private (Socket Socket, SocketAddress? Target) RtcpDestination(Negotiation negotiation) =>
        negotiation.Media.RtcpMux
            ? (_ports.RtpSocket, _latchedRtp ?? negotiation.RtpTarget)
            : (_ports.RtcpSocket, Volatile.Read(ref _latchedRtcp) ?? negotiation.RtcpTarget);

    private int WriteReport(Span<byte> buffer, uint timestamp)
    {
        // RFC 3550 §6.4: an SR when we sent media since the last report, else an RR.
        RtcpSenderInfo? senderInfo = _sentSinceReport
            ? new RtcpSenderInfo(
                RtcpSenderInfo.ToNtpTimestamp(_time.GetUtcNow()),
                timestamp,
                unchecked((uint)_packetsSent),
                unchecked((uint)_octetsSent))
            : null;
        _sentSinceReport = false;
        RtcpReportBlock? block = null;
        lock (_statsLock)
        {
            if (_statsRemoteSsrc is uint remote && _tracker.IsValid)
            {
                uint delay = _hasSenderReport
                    ? RtcpReportBlock.ToDelaySinceLastSenderReport(_time.GetElapsedTime(_lastSenderReportArrival))
                    : 0;
                block = _tracker.CreateReportBlock(remote, _hasSenderReport ? _lastSenderReport : 0, delay);
            }
        }

        return RtcpPacket.WriteCompoundReport(buffer, Ssrc, senderInfo, block, _cname);
    }

    private long ReportDelayTicks(double scale)
    {
        // RFC 3550 §6.3.1: the interval times a random factor in [0.5, 1.5], so reports of many
        // calls do not gather on the same tick.
        double factor = 0.5 + Random.Shared.NextDouble();
        return Math.Max(1, (long)(scale * factor * _options.RtcpInterval.Ticks / MediaClock.FrameDuration.Ticks));
    }

    private bool Send(Socket socket, ReadOnlySpan<byte> datagram, SocketAddress target)
    {
        try
        {
            socket.SendTo(datagram, SocketFlags.None, target);
            return true;
        }
        catch (SocketException)
        {
            _sendErrors++;
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private async Task ReceiveLoopAsync(Socket socket, bool rtcp)
    {
        byte[] buffer = GC.AllocateUninitializedArray<byte>(ReceiveBufferSize, pinned: true);
        var from = new SocketAddress(socket.AddressFamily);
        while (!_disposed)
        {
            int length;
            try
            {
                length = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from).ConfigureAwait(false);
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // An ICMP port unreachable for something we sent (Windows reports it here), or an
                // oversized datagram: neither ends the stream.
                continue;
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                if (!_disposed)
                {
                    LogReceiveFailed(_logger, exception, _ports.RtpPort, rtcp);
                }

                return;
            }

            try
            {
                if (rtcp)
                {
                    HandleRtcp(buffer.AsSpan(0, length), from, muxed: false);
                }
                else
                {
                    HandleRtp(buffer.AsSpan(0, length), from);
                }
            }
#pragma warning disable CA1031 // A bad datagram or a failing digit handler costs one log line, not the call.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogDatagramFailed(_logger, exception, _ports.RtpPort);
            }
        }
    }

    private void HandleRtp(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        Negotiation negotiation = _negotiation;
        if (negotiation.Media.RtcpMux && RtcpPacket.LooksLikeRtcp(datagram))
        {
            // RFC 5761 §4: RTCP shares the port, told apart by its packet type.
            HandleRtcp(datagram, from, muxed: true);
            return;
        }

        if (!RtpHeader.TryParse(datagram, out RtpHeader header, out int offset, out int length))
        {
            Increment(ref _droppedInvalid);
            return;
        }

        if (_relatchRtp)
        {
            _relatchRtp = false;
            _hasRemoteSsrc = false;
            _eventReceiver.Reset();
            _inband?.Reset();
        }

        SocketAddress? latched = _latchedRtp;
        if (latched is null)
        {
            Latch(from);
        }
        else if (!latched.Equals(from))
        {
            Increment(ref _droppedFromOtherSources);
            return;
        }

        ReadOnlySpan<byte> payload = datagram.Slice(offset, length);
        bool isEvent = negotiation.ReceiveEventPayloadType == header.PayloadType;
        IAudioCodec? codec = null;
        if (!isEvent && !negotiation.TryGetReceiveCodec(header.PayloadType, out codec))
        {
            // Comfort noise, video, anything not agreed.
            Increment(ref _droppedInvalid);
            return;
        }

        long now = _time.GetTimestamp();
        if (!_hasRemoteSsrc && !isEvent)
        {
            // The audio stream defines the peer's SSRC; keys may come in a stream of their own.
            AdoptSsrc(header.Ssrc);
        }
        else if (!_hasRemoteSsrc || header.Ssrc != _remoteSsrc)
        {
            if (isEvent)
            {
                // sipp sends its keys in a stream of their own (shared/sip/README.md): accepted for
                // the keys, kept out of the audio stream's statistics.
                CountReceived();
                HandleEvent(header, payload, now);
                return;
            }

            if (_time.GetElapsedTime(_lastRemotePacket, now) < _options.SsrcChangeAfterSilence)
            {
                Increment(ref _droppedOtherSsrc);
                return;
            }

            // The old stream went quiet and a new one took over: the peer restarted its stream.
            AdoptSsrc(header.Ssrc);
        }

        _lastRemotePacket = now;
        lock (_statsLock)
        {
            _packetsReceived++;
            if (isEvent)
            {
                // An event's timestamp stays at its onset (RFC 4733 §2.5.1.2); it would read as jitter.
                _tracker.Update(header.SequenceNumber);
            }
            else
            {
                _tracker.Update(header.SequenceNumber, header.Timestamp, ArrivalInRtpUnits(now));
            }
        }

        if (isEvent)
        {
            HandleEvent(header, payload, now);
        }
        else
        {
            HandleAudio(negotiation, codec!, payload, now);
        }
    }

    private void HandleAudio(Negotiation negotiation, IAudioCodec codec, ReadOnlySpan<byte> payload, long now)
    {
        if (payload.Length > ReceiveBufferSize)
        {
            payload = payload[..ReceiveBufferSize];
        }

        if (_inband is not null)
        {
            int samples = codec.Decode(payload, _receivePcm);
            Span<char> keys = stackalloc char[InbandDtmfDetector.MaxDigitsFor(samples)];
            int found = _inband.Process(_receivePcm.AsSpan(0, samples), keys);
            for (int i = 0; i < found; i++)
            {
                OnDigitDetected(new DtmfDigit(keys[i], DtmfSource.InBand), now);
            }
        }

        if (!CaptureEnabled)
        {
            return;
        }

        if (codec == negotiation.Codec)
        {
            _received.Write(payload);
            return;
        }

        // The peer may send any codec of the answer (RFC 3264 §5.1); the buffer holds one law.
        int converted = (codec, negotiation.Codec) switch
        {
            (PcmuCodec, PcmaCodec) => G711Transcoder.PcmuToPcma(payload, _transcoded),
            (PcmaCodec, PcmuCodec) => G711Transcoder.PcmaToPcmu(payload, _transcoded),
            _ => negotiation.Codec.Encode(_receivePcm.AsSpan(0, codec.Decode(payload, _receivePcm)), _transcoded),
        };
        _received.Write(_transcoded.AsSpan(0, converted));
    }

    private void HandleEvent(in RtpHeader header, ReadOnlySpan<byte> payload, long now)
    {
        _eventReceiver.PayloadType = header.PayloadType;
        if (TelephoneEvent.TryParse(payload, out TelephoneEvent telephoneEvent) && telephoneEvent.IsDtmf)
        {
            lock (_digitLock)
            {
                _lastEventKey = telephoneEvent.Digit;
                _lastEventActivity = now;
            }
        }

        if (_eventReceiver.TryReceive(header, payload, out DtmfDigit digit))
        {
            OnDigitDetected(digit, now);
        }
    }

    private void HandleRtcp(ReadOnlySpan<byte> datagram, SocketAddress from, bool muxed)
    {
        if (muxed)
        {
            SocketAddress? latched = _latchedRtp;
            if (latched is not null && !latched.Equals(from))
            {
                Increment(ref _droppedFromOtherSources);
                return;
            }
        }
        else
        {
            if (_relatchRtcp)
            {
                _relatchRtcp = false;
                Volatile.Write(ref _latchedRtcp, null);
            }

            SocketAddress? latched = Volatile.Read(ref _latchedRtcp);
            if (latched is null)
            {
                Volatile.Write(ref _latchedRtcp, Copy(from));
            }
            else if (!latched.Equals(from))
            {
                Increment(ref _droppedFromOtherSources);
                return;
            }
        }

        var reader = new RtcpCompoundReader(datagram);
        bool any = false;
        while (reader.TryRead(out RtcpPacket packet))
        {
            any = true;
            switch (packet.Type)
            {
                case RtcpPacketType.SenderReport:
                    if (packet.TryGetSenderInfo(out RtcpSenderInfo senderInfo))
                    {
                        lock (_statsLock)
                        {
                            _hasSenderReport = true;
                            _lastSenderReport = senderInfo.CompactNtpTimestamp;
                            _lastSenderReportArrival = _time.GetTimestamp();
                        }
                    }

                    ReadReportBlock(packet);
                    break;
                case RtcpPacketType.ReceiverReport:
                    ReadReportBlock(packet);
                    break;
                case RtcpPacketType.Goodbye:
                    lock (_statsLock)
                    {
                        _peerSentGoodbye = true;
                    }

                    break;
            }
        }

        if (any)
        {
            Increment(ref _rtcpReceived);
        }
        else
        {
            Increment(ref _droppedInvalid);
        }
    }

    private void ReadReportBlock(RtcpPacket packet)
    {
        if (!packet.TryFindReportBlock(Ssrc, out RtcpReportBlock block))
        {
            return;
        }

        uint now = RtcpSenderInfo.ToCompactNtp(RtcpSenderInfo.ToNtpTimestamp(_time.GetUtcNow()));
        lock (_statsLock)
        {
            _peerReport = block;
            _roundTripTime = block.RoundTripTime(now) ?? _roundTripTime;
        }
    }

    private void Latch(SocketAddress from)
    {
        SocketAddress copy = Copy(from);
        var endPoint = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(copy);
        _latchedRtp = copy;
        lock (_statsLock)
        {
            _latchedEndPoint = endPoint;
        }

        LogLatched(_logger, _ports.RtpPort, endPoint);
    }

    private void AdoptSsrc(uint ssrc)
    {
        _hasRemoteSsrc = true;
        _remoteSsrc = ssrc;
        lock (_statsLock)
        {
            _statsRemoteSsrc = ssrc;
            _tracker = new RtpSequenceTracker();
        }
    }

    private void OnDigitDetected(DtmfDigit digit, long now)
    {
        lock (_digitLock)
        {
            if (IsDuplicate(digit, now))
            {
                return;
            }

            _lastDeliveredKey = digit.Digit;
            _lastDeliveredSource = digit.Source;
            _lastDeliveredAt = now;

            // The recording's stop key answers the recording: it goes no further.
            CallRecorder? recorder = _recorder;
            if (recorder is not null && recorder.OnDigit(digit))
            {
                Interlocked.CompareExchange(ref _recorder, null, recorder);
                return;
            }

            Prompts.TryBargeIn(digit);
            _digits.Writer.TryWrite(digit);
            DigitReceived?.Invoke(this, new DtmfDigitEventArgs(digit));
        }
    }

    private bool IsDuplicate(DtmfDigit digit, long now)
    {
        TimeSpan window = _options.DuplicateDigitWindow;
        if (digit.Source == DtmfSource.InBand
            && _lastEventKey == digit.Digit
            && _time.GetElapsedTime(_lastEventActivity, now) <= window)
        {
            return true;
        }

        return _lastDeliveredKey == digit.Digit
            && _lastDeliveredSource != digit.Source
            && _time.GetElapsedTime(_lastDeliveredAt, now) <= window;
    }

    private uint ArrivalInRtpUnits(long now) =>
        unchecked((uint)(_time.GetElapsedTime(_created, now).Ticks * 8000 / TimeSpan.TicksPerSecond));

    private void CountReceived()
    {
        lock (_statsLock)
        {
            _packetsReceived++;
        }
    }

    private void Increment(ref long counter)
    {
        lock (_statsLock)
        {
            counter++;
        }
    }

    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "RTP {Port} started: {Codec} to {Remote}")]
    private static partial void LogStarted(ILogger logger, int port, string codec, IPEndPoint? remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "RTP {Port} latched to the peer's source {Source} (RFC 4961)")]
    private static partial void LogLatched(ILogger logger, int port, IPEndPoint source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "RTP {Port} stopped")]
    private static partial void LogStopped(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RTP {Port} stopped receiving (RTCP socket: {Rtcp})")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception, int port, bool rtcp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RTP {Port}: a datagram could not be handled")]
    private static partial void LogDatagramFailed(ILogger logger, Exception exception, int port);

    /// <summary>What one offer/answer means for the wire: resolved once, swapped whole on a re-INVITE.</summary>
    private sealed class Negotiation
    {
        public Negotiation(NegotiatedMedia media, AddressFamily socketFamily)
        {
            if (!CodecRegistry.Default.TryGetByName(media.Codec.EncodingName, out IAudioCodec? codec)
                || codec.ClockRate != media.Codec.ClockRate
                || media.Codec.Channels != 1)
            {
                throw new ArgumentException($"The media engine has no codec for {media.Codec}.", nameof(media));
            }

            Media = media;
            Codec = codec;
            SendPayloadType = (byte)media.Codec.PayloadType;
            ReceivePayloadType = media.ReceivePayloadType;
            SendEventPayloadType = media.TelephoneEventPayloadType is int send ? (byte)send : null;
            ReceiveEventPayloadType = media.ReceiveTelephoneEventPayloadType is int receive ? (byte)receive : null;
            RtpTarget = ToSocketAddress(media.RemoteRtpEndPoint, socketFamily);

            // NegotiatedMedia works these out from the address text on every read.
            SendsMedia = media.SendsMedia;
            RtcpTarget = media.RtcpMux ? RtpTarget : ToSocketAddress(media.RemoteRtcpEndPoint, socketFamily);
            Silence = new byte[MediaClock.SamplesPerFrame];
            codec.Encode(new short[MediaClock.SamplesPerFrame], Silence);
        }

        public NegotiatedMedia Media { get; }

        public IAudioCodec Codec { get; }

        public byte SendPayloadType { get; }

        public bool SendsMedia { get; }

        public int ReceivePayloadType { get; }

        public byte? SendEventPayloadType { get; }

        public byte? ReceiveEventPayloadType { get; }

        public SocketAddress? RtpTarget { get; }

        public SocketAddress? RtcpTarget { get; }

        /// <summary>One frame of encoded silence.</summary>
        public byte[] Silence { get; }

        public bool TryGetReceiveCodec(int payloadType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IAudioCodec? codec)
        {
            if (payloadType == ReceivePayloadType)
            {
                codec = Codec;
                return true;
            }

            // Static payload types mean the same to everyone (RFC 3551 §6).
            return CodecRegistry.Default.TryGetByPayloadType(payloadType, out codec)
                && payloadType < RtpPayloadFormat.FirstDynamicPayloadType;
        }

        private static SocketAddress? ToSocketAddress(IPEndPoint? endPoint, AddressFamily socketFamily)
        {
            if (endPoint is null
                || endPoint.Port == 0
                || endPoint.Address.Equals(IPAddress.Any)
                || endPoint.Address.Equals(IPAddress.IPv6Any))
            {
                return null;
            }

            if (endPoint.AddressFamily == socketFamily)
            {
                return endPoint.Serialize();
            }

            // A dual-mode IPv6 socket reaches IPv4 peers at their mapped address; an IPv4 socket
            // cannot reach IPv6 peers at all.
            return socketFamily == AddressFamily.InterNetworkV6
                ? new IPEndPoint(endPoint.Address.MapToIPv6(), endPoint.Port).Serialize()
                : null;
        }
    }
}
