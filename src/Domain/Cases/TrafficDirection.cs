namespace CallMyWay.Voice.Domain.Cases;

/// <summary>Whether the failing traffic was inbound or outbound (seed: "saliente o entrante").</summary>
public enum TrafficDirection
{
    Inbound,
    Outbound,
}
