using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using CallMyWay.Voice.Telephony.Sdp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>
/// The media of all calls: hands out RTP ports, creates the <see cref="RtpSession"/> of each call
/// leg on the shared <see cref="MediaClock"/>, bridges legs, and counts what runs.
/// </summary>
/// <remarks>
/// What the signalling layer does for a call leg:
/// <list type="number">
/// <item><see cref="TryAllocatePorts"/> before writing our SDP (its m= port is <see cref="RtpPortPair.RtpPort"/>);
/// no pair means no capacity (answer 503).</item>
/// <item><see cref="CreateSession"/> with the pair and the <see cref="NegotiatedMedia"/> once offer/answer
/// completes; it receives at once (early media, latching), then <see cref="RtpSession.Start"/> when
/// media may flow.</item>
/// <item>During the call: <see cref="RtpSession.Digits"/>, <see cref="RtpSession.ReportSipInfoDigit"/> for
/// INFO, <see cref="RtpSession.Prompts"/>, <see cref="RtpSession.StartRecording(string, Recording.CallRecorderOptions?)"/>,
/// <see cref="RtpSession.SendDigit"/>, <see cref="Bridge"/>, <see cref="RtpSession.UpdateMedia"/> on a re-INVITE.</item>
/// <item><see cref="RtpSession.Dispose"/> at hangup, which returns the ports; a pair never given to a
/// session is disposed by the caller.</item>
/// </list>
/// </remarks>
public sealed class MediaEngine : IDisposable
{
    private readonly ConcurrentDictionary<RtpSession, byte> _sessions = new();
    private readonly MediaOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly bool _ownsClock;
    private int _disposed;

    /// <summary>Creates the engine from the validated <c>Media</c> options; for dependency injection.</summary>
    public MediaEngine(IOptions<MediaOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value, timeProvider, loggerFactory)
    {
    }

    /// <summary>Creates the engine and starts its clock.</summary>
    public MediaEngine(MediaOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(options, new MediaClock(timeProvider, loggerFactory?.CreateLogger<MediaClock>()), ownsClock: true, loggerFactory)
    {
    }

    /// <summary>Creates the engine on a clock the caller drives (tests tick it by hand).</summary>
    internal MediaEngine(MediaOptions options, MediaClock clock, bool ownsClock, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ValidateOptionsResult validation = new MediaOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(MediaOptions.SectionName, typeof(MediaOptions), validation.Failures);
        }

        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _ownsClock = ownsClock;
        Clock = clock;
        Ports = new RtpPortAllocator(options);
        if (ownsClock)
        {
            clock.Start();
        }
    }

    /// <summary>The RTP port range.</summary>
    public RtpPortAllocator Ports { get; }

    /// <summary>The pacing loop every session runs on.</summary>
    public MediaClock Clock { get; }

    /// <summary>Sessions created and not yet disposed.</summary>
    public int ActiveSessions => _sessions.Count;

    /// <summary>How punctually the clock sends.</summary>
    public MediaClockStatistics GetClockStatistics() => Clock.GetStatistics();

    /// <summary>Binds a free RTP/RTCP pair for a new call leg; false when the range is exhausted.</summary>
    public bool TryAllocatePorts([NotNullWhen(true)] out RtpPortPair? ports) => Ports.TryAllocate(out ports);

    /// <summary>
    /// Creates the media of a call leg on <paramref name="ports"/>, which it owns from now on. It
    /// receives at once; call <see cref="RtpSession.Start"/> to send.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The negotiated codec is not one the engine has (PCMU, PCMA); the pair then stays the caller's to dispose.
    /// </exception>
    public RtpSession CreateSession(RtpPortPair ports, NegotiatedMedia media, RtpSessionOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        options ??= new RtpSessionOptions
        {
            DetectInbandDtmf = _options.DetectInbandDtmf,
            RtcpInterval = _options.RtcpInterval,
        };
        var session = new RtpSession(
            ports,
            media,
            Clock,
            options,
            _loggerFactory.CreateLogger<RtpSession>(),
            disposed => _sessions.TryRemove(disposed, out _));
        _sessions[session] = 0;
        return session;
    }

    /// <summary>Connects two legs' audio and keys; dispose the bridge to separate them. Starts legs not yet started.</summary>
    public MediaBridge Bridge(RtpSession legA, RtpSession legB)
    {
        ArgumentNullException.ThrowIfNull(legA);
        ArgumentNullException.ThrowIfNull(legB);
        if (!_sessions.ContainsKey(legA) || !_sessions.ContainsKey(legB))
        {
            throw new ArgumentException("Both legs must be live sessions of this engine.");
        }

        legA.Start();
        legB.Start();
        return new MediaBridge(legA, legB);
    }

    /// <summary>Disposes every session left and stops the clock when the engine started it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (RtpSession session in _sessions.Keys)
        {
            session.Dispose();
        }

        if (_ownsClock)
        {
            Clock.Dispose();
        }
    }
}
