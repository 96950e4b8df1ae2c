using System.Diagnostics.CodeAnalysis;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>
/// The outcome of answering an offer: the answer to send with the negotiated media, or why not — which the
/// call turns into 488 Not Acceptable Here with a Warning header (RFC 3261 §13.3.1.1, §21.4.26).
/// </summary>
public sealed class SdpAnswerResult
{
    /// <summary>The status code for a refused offer.</summary>
    public const int NotAcceptableHere = 488;

    private SdpAnswerResult(SessionDescription? answer, NegotiatedMedia? media, SdpNegotiationFailure failure, string reason)
    {
        Answer = answer;
        Media = media;
        Failure = failure;
        Reason = reason;
    }

    /// <summary>True when the offer was answered; then <see cref="Answer"/> and <see cref="Media"/> are set.</summary>
    [MemberNotNullWhen(true, nameof(Answer), nameof(Media))]
    public bool IsSuccess => Failure == SdpNegotiationFailure.None;

    /// <summary>The answer to send (stamped with our origin), or null when the offer was refused.</summary>
    public SessionDescription? Answer { get; }

    /// <summary>What the answer means for our media, or null when the offer was refused.</summary>
    public NegotiatedMedia? Media { get; }

    /// <summary>Why the offer was refused; <see cref="SdpNegotiationFailure.None"/> on success.</summary>
    public SdpNegotiationFailure Failure { get; }

    /// <summary>
    /// One line saying why the offer was refused and what it offered, e.g.
    /// <c>No common audio codec: offered G729/8000, telephone-event/8000; we accept PCMU/8000, PCMA/8000</c>.
    /// Printable ASCII without quotes, ready for a Warning header's text. Empty on success.
    /// </summary>
    public string Reason { get; }

    /// <summary>The SIP status code the call answers the INVITE with: 200 on success, else 488.</summary>
    public int StatusCode => IsSuccess ? 200 : NotAcceptableHere;

    /// <summary>The Warning header code (RFC 3261 §20.43) that fits the failure, or 0 on success.</summary>
    public int WarningCode => Failure switch
    {
        SdpNegotiationFailure.UnsupportedConnection => 301,
        SdpNegotiationFailure.UnsupportedTransport => 302,
        SdpNegotiationFailure.NoAudioStream => 304,
        SdpNegotiationFailure.NoCommonCodec => 305,
        _ => 0,
    };

    internal static SdpAnswerResult Accepted(SessionDescription answer, NegotiatedMedia media) =>
        new(answer, media, SdpNegotiationFailure.None, string.Empty);

    internal static SdpAnswerResult Refused(SdpNegotiationFailure failure, string reason) =>
        new(null, null, failure, reason);
}
