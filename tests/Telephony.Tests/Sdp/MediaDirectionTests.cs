using CallMyWay.Voice.Telephony.Sdp;

namespace CallMyWay.Voice.Telephony.Tests.Sdp;

public sealed class MediaDirectionTests
{
    [Theory]
    [InlineData(MediaDirection.SendRecv, MediaDirection.SendRecv)]
    [InlineData(MediaDirection.SendOnly, MediaDirection.RecvOnly)]
    [InlineData(MediaDirection.RecvOnly, MediaDirection.SendOnly)]
    [InlineData(MediaDirection.Inactive, MediaDirection.Inactive)]
    public void Answer_mirrors_the_offered_direction(MediaDirection offered, MediaDirection answered)
    {
        Assert.Equal(answered, offered.ToAnswer());
    }

    [Theory]
    [InlineData(MediaDirection.SendRecv, MediaDirection.SendOnly)]
    [InlineData(MediaDirection.RecvOnly, MediaDirection.SendOnly)]
    [InlineData(MediaDirection.SendOnly, MediaDirection.Inactive)]
    [InlineData(MediaDirection.Inactive, MediaDirection.Inactive)]
    public void Our_hold_intent_narrows_the_answer(MediaDirection offered, MediaDirection answered)
    {
        Assert.Equal(answered, offered.ToAnswer(localIntent: MediaDirection.SendOnly));
    }

    [Theory]
    [InlineData("sendrecv", MediaDirection.SendRecv)]
    [InlineData("sendonly", MediaDirection.SendOnly)]
    [InlineData("RECVONLY", MediaDirection.RecvOnly)]
    [InlineData("inactive", MediaDirection.Inactive)]
    public void Attribute_names_round_trip(string name, MediaDirection direction)
    {
        Assert.True(MediaDirectionExtensions.TryParseAttributeName(name, out var parsed));
        Assert.Equal(direction, parsed);
        Assert.Equal(name.ToLowerInvariant(), direction.ToAttributeName());
    }

    [Fact]
    public void Other_attribute_names_are_not_directions()
    {
        Assert.False(MediaDirectionExtensions.TryParseAttributeName("rtcp-mux", out _));
    }

    [Fact]
    public void Send_and_receive_abilities_compose_back_to_the_direction()
    {
        foreach (var direction in Enum.GetValues<MediaDirection>())
        {
            Assert.Equal(direction, MediaDirectionExtensions.FromAbilities(direction.CanSend(), direction.CanReceive()));
            Assert.Equal(direction, direction.Reverse().Reverse());
            Assert.Equal(direction, direction.Intersect(MediaDirection.SendRecv));
            Assert.Equal(MediaDirection.Inactive, direction.Intersect(MediaDirection.Inactive));
        }
    }
}
