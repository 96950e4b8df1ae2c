namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>Reads, writes and combines <see cref="MediaDirection"/> values as RFC 3264 asks.</summary>
public static class MediaDirectionExtensions
{
    /// <summary>The attribute name written for the direction: <c>sendrecv</c>, <c>sendonly</c>, <c>recvonly</c> or <c>inactive</c>.</summary>
    public static string ToAttributeName(this MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.RecvOnly => "recvonly",
        MediaDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Reads a direction attribute name; attribute names are compared without regard to case.</summary>
    public static bool TryParseAttributeName(ReadOnlySpan<char> name, out MediaDirection direction)
    {
        if (name.Equals("sendrecv", StringComparison.OrdinalIgnoreCase))
        {
            direction = MediaDirection.SendRecv;
            return true;
        }

        if (name.Equals("sendonly", StringComparison.OrdinalIgnoreCase))
        {
            direction = MediaDirection.SendOnly;
            return true;
        }

        if (name.Equals("recvonly", StringComparison.OrdinalIgnoreCase))
        {
            direction = MediaDirection.RecvOnly;
            return true;
        }

        if (name.Equals("inactive", StringComparison.OrdinalIgnoreCase))
        {
            direction = MediaDirection.Inactive;
            return true;
        }

        direction = MediaDirection.SendRecv;
        return false;
    }

    /// <summary>True when the side holding this direction sends media.</summary>
    public static bool CanSend(this MediaDirection direction) =>
        direction is MediaDirection.SendRecv or MediaDirection.SendOnly;

    /// <summary>True when the side holding this direction receives media.</summary>
    public static bool CanReceive(this MediaDirection direction) =>
        direction is MediaDirection.SendRecv or MediaDirection.RecvOnly;

    /// <summary>The direction with the given abilities.</summary>
    public static MediaDirection FromAbilities(bool send, bool receive) => (send, receive) switch
    {
        (true, true) => MediaDirection.SendRecv,
        (true, false) => MediaDirection.SendOnly,
        (false, true) => MediaDirection.RecvOnly,
        _ => MediaDirection.Inactive,
    };

    /// <summary>The same flow seen from the other side: sendonly becomes recvonly and the reverse.</summary>
    public static MediaDirection Reverse(this MediaDirection direction) =>
        FromAbilities(send: direction.CanReceive(), receive: direction.CanSend());

    /// <summary>What both directions allow: a flow survives only when both permit it.</summary>
    public static MediaDirection Intersect(this MediaDirection direction, MediaDirection other) =>
        FromAbilities(
            send: direction.CanSend() && other.CanSend(),
            receive: direction.CanReceive() && other.CanReceive());

    /// <summary>
    /// The direction to answer an offered stream with, given what we want ourselves.
    /// RFC 3264 §6.1: sendonly is answered recvonly, recvonly sendonly, inactive inactive, and sendrecv with
    /// anything. Our own intent narrows that further: while we hold the call (intent sendonly), a sendrecv
    /// offer is answered sendonly and a sendonly offer (both sides holding) inactive.
    /// </summary>
    public static MediaDirection ToAnswer(this MediaDirection offered, MediaDirection localIntent = MediaDirection.SendRecv) =>
        offered.Reverse().Intersect(localIntent);
}
