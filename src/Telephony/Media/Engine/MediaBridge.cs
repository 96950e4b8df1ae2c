using CallMyWay.Voice.Telephony.Media.Dtmf;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>
/// Connects two call legs: on each tick each leg sends the frame the other received, and keys
/// pressed on one are sent to the other as RFC 4733 events. Disposing it separates the legs.
/// </summary>
/// <remarks>
/// Payloads pass through untouched when both legs use the same codec, and are transcoded byte for
/// byte between PCMU and PCMA otherwise (<see cref="Codecs.G711Transcoder"/>). Both legs must run on
/// the same <see cref="MediaClock"/>, whose single thread orders their ticks; a frame then waits at
/// most one tick. Keys detected in the audio are not relayed: their tones already travel in it.
/// A prompt played on a leg takes the place of the bridged audio while it plays.
/// </remarks>
public sealed class MediaBridge : IDisposable
{
    private readonly IAudioSource? _previousSourceA;
    private readonly IAudioSource? _previousSourceB;
    private int _disposed;

    /// <summary>Bridges two started legs of the same clock.</summary>
    public MediaBridge(RtpSession legA, RtpSession legB)
    {
        ArgumentNullException.ThrowIfNull(legA);
        ArgumentNullException.ThrowIfNull(legB);
        if (ReferenceEquals(legA, legB))
        {
            throw new ArgumentException("A leg cannot be bridged to itself.", nameof(legB));
        }

        ObjectDisposedException.ThrowIf(legA.IsDisposed, legA);
        ObjectDisposedException.ThrowIf(legB.IsDisposed, legB);
        if (legA.Source is BridgeFeed || legB.Source is BridgeFeed)
        {
            throw new InvalidOperationException("A leg is already bridged.");
        }

        LegA = legA;
        LegB = legB;
        _previousSourceA = legA.Source;
        _previousSourceB = legB.Source;
        legA.AttachBridge();
        legB.AttachBridge();
        legA.Source = new BridgeFeed(legB);
        legB.Source = new BridgeFeed(legA);
        legA.DigitReceived += RelayFromA;
        legB.DigitReceived += RelayFromB;
    }

    public RtpSession LegA { get; }

    public RtpSession LegB { get; }

    /// <summary>Whether the legs are still connected.</summary>
    public bool IsActive => Volatile.Read(ref _disposed) == 0 && !LegA.IsDisposed && !LegB.IsDisposed;

    /// <summary>Separates the legs; each goes back to what it sent before (silence by default).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        LegA.DigitReceived -= RelayFromA;
        LegB.DigitReceived -= RelayFromB;
        LegA.Source = _previousSourceA;
        LegB.Source = _previousSourceB;
        LegA.DetachBridge();
        LegB.DetachBridge();
    }

    private void RelayFromA(object? sender, DtmfDigitEventArgs e) => Relay(e.Digit, LegB);

    private void RelayFromB(object? sender, DtmfDigitEventArgs e) => Relay(e.Digit, LegA);

    private void Relay(DtmfDigit digit, RtpSession to)
    {
        if (digit.Source != DtmfSource.InBand && IsActive)
        {
            to.SendDigit(digit.Digit);
        }
    }
}
