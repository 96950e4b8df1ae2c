namespace CallMyWay.Voice.Web.Api;

/// <summary>One registered contact of an agent's phone: where it is, what it is, and for how long.</summary>
public sealed record RegistrationResponse(string Contact, string ReceivedFrom, string? UserAgent, int ExpiresIn);
