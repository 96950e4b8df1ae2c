using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Sdp;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Media.Engine;

/// <summary>
/// An engine on a clock the test ticks by hand (fake time), bound to 127.0.0.1 in a port range of
/// the test's own. Sockets are real; only the pacing is driven.
/// </summary>
internal sealed class MediaTestHarness : IDisposable
{
    private bool _ticked;

    public MediaTestHarness(int portMin, int portMax)
    {
        Clock = new MediaClock(Time);
        Engine = new MediaEngine(
            new MediaOptions { RtpPortMin = portMin, RtpPortMax = portMax, BindAddress = "127.0.0.1" },
            Clock,
            ownsClock: false);
    }

    public FakeTimeProvider Time { get; } = new();

    public MediaClock Clock { get; }

    public MediaEngine Engine { get; }

    public static NegotiatedMedia Media(
        TestPeer peer,
        RtpPayloadFormat? codec = null,
        int? telephoneEvent = 101,
        int? remoteRtpPort = null,
        MediaDirection direction = MediaDirection.SendRecv)
    {
        codec ??= RtpPayloadFormat.Pcmu;
        return new NegotiatedMedia
        {
            Codec = codec,
            ReceivePayloadType = codec.PayloadType,
            TelephoneEventPayloadType = telephoneEvent,
            ReceiveTelephoneEventPayloadType = telephoneEvent,
            RemoteAddress = "127.0.0.1",
            RemoteRtpPort = remoteRtpPort ?? peer.RtpPort,
            RemoteRtcpAddress = "127.0.0.1",
            RemoteRtcpPort = peer.RtcpPort,
            LocalDirection = direction,
            RemoteDirection = MediaDirection.SendRecv,
            PacketTimeMs = 20,
        };
    }

    public RtpSession CreateSession(NegotiatedMedia media, RtpSessionOptions? options = null, bool start = true)
    {
        Assert.True(Engine.TryAllocatePorts(out RtpPortPair? ports));
        RtpSession session = Engine.CreateSession(ports, media, options);
        if (start)
        {
            session.Start();
        }

        return session;
    }

    /// <summary>Runs ticks 20 ms of fake time apart; the very first runs at once.</summary>
    public void Tick(int count = 1)
    {
        for (int i = 0; i < count; i++)
        {
            if (_ticked)
            {
                Time.Advance(MediaClock.FrameDuration);
            }

            _ticked = true;
            Clock.RunDueTicks();
        }
    }

    public void Dispose()
    {
        Engine.Dispose();
        Clock.Dispose();
    }
}
