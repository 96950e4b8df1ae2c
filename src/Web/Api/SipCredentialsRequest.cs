namespace CallMyWay.Voice.Web.Api;

/// <summary>Body of <c>PUT /api/agents/{id}/sip</c>: the phone's extension and SIP password.</summary>
public sealed record SipCredentialsRequest(string? Extension, string? Password);
