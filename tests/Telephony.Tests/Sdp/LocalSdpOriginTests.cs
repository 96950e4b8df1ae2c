using CallMyWay.Voice.Telephony.Sdp;

namespace CallMyWay.Voice.Telephony.Tests.Sdp;

public sealed class LocalSdpOriginTests
{
    [Fact]
    public void First_stamp_uses_the_initial_version_and_our_address()
    {
        var origin = new LocalSdpOrigin("cmw", 77, 10);
        var sdp = Description(MediaDirection.SendRecv);

        origin.Stamp(sdp, "2001:db8::5");

        Assert.Equal(new SdpOrigin("cmw", "77", 10, "IN", "IP6", "2001:db8::5"), sdp.Origin);
    }

    [Fact]
    public void Version_rises_by_one_only_when_the_description_changes()
    {
        var origin = new LocalSdpOrigin("cmw", 77, 10);

        origin.Stamp(Description(MediaDirection.SendRecv), "192.0.2.1");
        origin.Stamp(Description(MediaDirection.SendRecv), "192.0.2.1");
        Assert.Equal(10UL, origin.Version);

        var changed = Description(MediaDirection.SendOnly);
        origin.Stamp(changed, "192.0.2.1");
        Assert.Equal(11UL, origin.Version);
        Assert.Equal(11UL, changed.Origin.SessionVersion);

        var back = Description(MediaDirection.SendRecv);
        origin.Stamp(back, "192.0.2.1");
        Assert.Equal(12UL, back.Origin.SessionVersion);
        Assert.Equal(77UL, origin.SessionId);
    }

    [Fact]
    public void New_origins_get_distinct_ids_that_fit_a_signed_64_bit_number()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => LocalSdpOrigin.CreateNew().SessionId).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id, 1UL, (ulong)long.MaxValue));
        Assert.Equal(1UL, LocalSdpOrigin.CreateNew().Version);
    }

    [Fact]
    public void Username_with_a_space_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new LocalSdpOrigin("call my way", 1, 1));
    }

    private static SessionDescription Description(MediaDirection direction)
    {
        var sdp = new SessionDescription(new SdpOrigin("-", "0", 0, "IN", "IP4", "0.0.0.0"))
        {
            Connection = SdpConnection.FromAddress("192.0.2.1"),
        };
        var audio = new MediaDescription("audio", 10000, MediaDescription.RtpAvpProtocol);
        audio.AddPayloadFormat(RtpPayloadFormat.Pcmu);
        audio.Direction = direction;
        sdp.Media.Add(audio);
        return sdp;
    }
}
