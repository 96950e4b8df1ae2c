namespace CallMyWay.Voice.Web.Api;

/// <summary>Body of <c>POST /api/cases/{number}/notes</c>.</summary>
public sealed record NoteRequest(string? Text, bool Public);
