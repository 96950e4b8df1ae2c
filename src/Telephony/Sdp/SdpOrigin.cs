using System.Globalization;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>The <c>o=</c> line: who wrote the session description and which version of it this is (RFC 8866 §5.2).</summary>
/// <param name="Username">The user's login on the originating host, or <c>-</c>.</param>
/// <param name="SessionId">Identifies the session with the other fields; kept as written (a digit string by the grammar).</param>
/// <param name="SessionVersion">Increases by one with every changed description of the session (RFC 3264 §8).</param>
/// <param name="NetworkType">Always <c>IN</c> for the Internet.</param>
/// <param name="AddressType"><c>IP4</c> or <c>IP6</c>.</param>
/// <param name="UnicastAddress">The address of the machine that wrote the description.</param>
public sealed record SdpOrigin(
    string Username,
    string SessionId,
    ulong SessionVersion,
    string NetworkType,
    string AddressType,
    string UnicastAddress)
{
    internal string ToLineValue() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Username} {SessionId} {SessionVersion} {NetworkType} {AddressType} {UnicastAddress}");
}
