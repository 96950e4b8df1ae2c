namespace CallMyWay.Voice.Telephony.Tests.Sip.UserAgent.Outbound;

/// <summary>
/// The sipp interop tests run alone: sipp's scenarios take an INVITE retransmitted while they wait for the ACK as a
/// failure, so a call must not lose half a second to tests running beside it.
/// </summary>
[CollectionDefinition(nameof(SippCollection), DisableParallelization = true)]
public sealed class SippCollection;
