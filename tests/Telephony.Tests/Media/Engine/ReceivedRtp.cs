using CallMyWay.Voice.Telephony.Media.Rtp;

namespace CallMyWay.Voice.Telephony.Tests.Media.Engine;

internal sealed record ReceivedRtp(RtpHeader Header, byte[] Payload);
