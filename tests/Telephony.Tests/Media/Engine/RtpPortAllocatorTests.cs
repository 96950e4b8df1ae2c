using System.Net;
using System.Net.Sockets;
using CallMyWay.Voice.Telephony.Media.Engine;

namespace CallMyWay.Voice.Telephony.Tests.Media.Engine;

public sealed class RtpPortAllocatorTests
{
    [Fact]
    public void Pair_has_an_even_rtp_port_and_rtcp_on_the_next_port_both_bound()
    {
        var allocator = new RtpPortAllocator(IPAddress.Loopback, 23001, 23020);

        using RtpPortPair pair = allocator.Allocate();

        Assert.Equal(23002, pair.RtpPort);
        Assert.Equal(23003, pair.RtcpPort);
        Assert.Equal(pair.RtpPort, ((IPEndPoint)pair.RtpSocket.LocalEndPoint!).Port);
        Assert.Equal(pair.RtcpPort, ((IPEndPoint)pair.RtcpSocket.LocalEndPoint!).Port);
        Assert.Equal(IPAddress.Loopback, ((IPEndPoint)pair.RtpSocket.LocalEndPoint!).Address);
        Assert.Equal(1, allocator.InUse);
    }

    [Fact]
    public void Range_is_exhausted_and_a_released_pair_is_handed_out_again()
    {
        var allocator = new RtpPortAllocator(IPAddress.Loopback, 23040, 23043);
        Assert.Equal(2, allocator.Capacity);

        Assert.True(allocator.TryAllocate(out RtpPortPair? first));
        Assert.True(allocator.TryAllocate(out RtpPortPair? second));
        Assert.False(allocator.TryAllocate(out RtpPortPair? none));
        Assert.Null(none);
        Assert.Throws<InvalidOperationException>(() => allocator.Allocate());

        first.Dispose();
        first.Dispose();
        Assert.Equal(1, allocator.InUse);
        Assert.True(allocator.TryAllocate(out RtpPortPair? again));
        Assert.Equal(first.RtpPort, again.RtpPort);

        second.Dispose();
        again.Dispose();
        Assert.Equal(0, allocator.InUse);
    }

    [Fact]
    public void Released_port_is_reused_last()
    {
        var allocator = new RtpPortAllocator(IPAddress.Loopback, 23060, 23069);

        RtpPortPair first = allocator.Allocate();
        first.Dispose();
        using RtpPortPair second = allocator.Allocate();

        Assert.Equal(23060, first.RtpPort);
        Assert.Equal(23062, second.RtpPort);
    }

    [Fact]
    public void Ports_held_by_another_socket_are_skipped()
    {
        using var rtpTaken = new UdpClient(new IPEndPoint(IPAddress.Loopback, 23080));
        using var rtcpTaken = new UdpClient(new IPEndPoint(IPAddress.Loopback, 23083));
        var allocator = new RtpPortAllocator(IPAddress.Loopback, 23080, 23089);

        using RtpPortPair pair = allocator.Allocate();

        Assert.Equal(23084, pair.RtpPort);
        Assert.Equal(1, allocator.InUse);
    }

    [Fact]
    public async Task Concurrent_allocations_get_distinct_pairs()
    {
        // A range well above the 80 pairs needed: other processes on the machine may hold some of its ports.
        var allocator = new RtpPortAllocator(IPAddress.Loopback, 23100, 23899);
        var pairs = new System.Collections.Concurrent.ConcurrentBag<RtpPortPair>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 10; i++)
            {
                pairs.Add(allocator.Allocate());
            }
        })));

        Assert.Equal(80, pairs.Select(p => p.RtpPort).Distinct().Count());
        Assert.All(pairs, p => Assert.Equal(0, p.RtpPort % 2));
        Assert.Equal(80, allocator.InUse);
        foreach (RtpPortPair pair in pairs)
        {
            pair.Dispose();
        }

        Assert.Equal(0, allocator.InUse);
    }

    [Fact]
    public void Options_validator_names_the_key_at_fault()
    {
        var result = new MediaOptionsValidator().Validate(null, new MediaOptions { RtpPortMin = 20001, RtpPortMax = 20001, BindAddress = "not-an-ip" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Media:RtpPortMax", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Media:BindAddress", StringComparison.Ordinal));
        Assert.True(new MediaOptionsValidator().Validate(null, new MediaOptions()).Succeeded);
    }
}
