using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Sdp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Telephony.Tests.Media.Engine;

public sealed class MediaEngineTests
{
    [Fact]
    public void Sessions_are_counted_until_disposed_and_their_ports_come_back()
    {
        using var harness = new MediaTestHarness(24500, 24509);
        using var peer = new TestPeer();

        RtpSession first = harness.CreateSession(MediaTestHarness.Media(peer));
        RtpSession second = harness.CreateSession(MediaTestHarness.Media(peer), start: false);
        Assert.Equal(2, harness.Engine.ActiveSessions);
        Assert.Equal(1, harness.Clock.StreamCount);
        Assert.Equal(2, harness.Engine.Ports.InUse);

        first.Dispose();
        second.Dispose();

        Assert.Equal(0, harness.Engine.ActiveSessions);
        Assert.Equal(0, harness.Engine.Ports.InUse);
        Assert.Equal(0, harness.Clock.StreamCount);
    }

    [Fact]
    public void A_codec_the_engine_lacks_is_refused_and_the_ports_stay_with_the_caller()
    {
        using var harness = new MediaTestHarness(24510, 24519);
        using var peer = new TestPeer();
        Assert.True(harness.Engine.TryAllocatePorts(out RtpPortPair? ports));

        Assert.Throws<ArgumentException>(() => harness.Engine.CreateSession(ports, MediaTestHarness.Media(peer, RtpPayloadFormat.G729)));

        Assert.Equal(0, harness.Engine.ActiveSessions);
        ports.Dispose();
        Assert.Equal(0, harness.Engine.Ports.InUse);
    }

    [Fact]
    public void Only_live_sessions_of_the_engine_are_bridged()
    {
        using var harness = new MediaTestHarness(24520, 24529);
        using var other = new MediaTestHarness(24530, 24539);
        using var peer = new TestPeer();
        using RtpSession mine = harness.CreateSession(MediaTestHarness.Media(peer));
        using RtpSession theirs = other.CreateSession(MediaTestHarness.Media(peer));

        Assert.Throws<ArgumentException>(() => harness.Engine.Bridge(mine, theirs));
        Assert.Throws<ArgumentException>(() => new MediaBridge(mine, mine));
    }

    [Fact]
    public async Task With_its_own_clock_the_engine_sends_frames_in_real_time()
    {
        using var peer = new TestPeer();
        var engine = new MediaEngine(new MediaOptions { RtpPortMin = 24540, RtpPortMax = 24549, BindAddress = "127.0.0.1" });
        Assert.True(engine.TryAllocatePorts(out RtpPortPair? ports));
        RtpSession session = engine.CreateSession(ports, MediaTestHarness.Media(peer));

        session.Start();
        List<ReceivedRtp> packets = await peer.ReceiveRtpAsync(10);

        for (int i = 1; i < packets.Count; i++)
        {
            Assert.Equal((ushort)(packets[i - 1].Header.SequenceNumber + 1), packets[i].Header.SequenceNumber);
            Assert.Equal(160u, packets[i].Header.Timestamp - packets[i - 1].Header.Timestamp);
        }

        Assert.True(engine.GetClockStatistics().Ticks >= 10);
        Assert.True(engine.Clock.IsRunning);
        engine.Dispose();
        Assert.True(session.IsDisposed);
        Assert.Equal(0, engine.ActiveSessions);
        Assert.False(engine.Clock.IsRunning);
    }

    [Fact]
    public void Registration_binds_the_media_section_and_rejects_bad_values_naming_the_key()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Media:RtpPortMin"] = "30000", ["Media:RtpPortMax"] = "29000" })
            .Build();
        using ServiceProvider services = new ServiceCollection().AddLogging().AddMediaEngine(configuration).BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MediaOptions>>().Value);

        Assert.Contains("Media:RtpPortMax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_provides_one_engine_from_configuration()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Media:RtpPortMin"] = "24550",
                ["Media:RtpPortMax"] = "24559",
                ["Media:BindAddress"] = "127.0.0.1",
            })
            .Build();
        using ServiceProvider services = new ServiceCollection().AddLogging().AddMediaEngine(configuration).BuildServiceProvider();

        MediaEngine engine = services.GetRequiredService<MediaEngine>();

        Assert.Same(engine, services.GetRequiredService<MediaEngine>());
        Assert.Equal(5, engine.Ports.Capacity);
    }
}
