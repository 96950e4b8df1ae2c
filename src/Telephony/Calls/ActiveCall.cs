using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Media.Engine;

namespace CallMyWay.Voice.Telephony.Calls;

/// <summary>An answered call as the application (IVR, queue) sees it: who, which number, its media, and how to end it.</summary>
public sealed class ActiveCall
{
    private readonly Func<ValueTask> _hangup;

    public ActiveCall(string callId, DeskNumber did, string? callerNumber, CaseChannel channel, RtpSession media, IIvrChannel ivr, Func<ValueTask> hangup, CancellationToken lifetime)
    {
        CallId = callId;
        Did = did;
        CallerNumber = callerNumber;
        Channel = channel;
        Media = media;
        Ivr = ivr;
        _hangup = hangup;
        Lifetime = lifetime;
    }

    public string CallId { get; }
    public DeskNumber Did { get; }
    public string? CallerNumber { get; }
    public CaseChannel Channel { get; }
    public RtpSession Media { get; }
    public IIvrChannel Ivr { get; }

    /// <summary>Cancelled when the call ends, whoever hangs up.</summary>
    public CancellationToken Lifetime { get; }

    public ValueTask HangupAsync() => _hangup();
}
