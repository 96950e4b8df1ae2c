using MimeKit;

namespace CallMyWay.Voice.Web.Email.Inbound;

/// <summary>A file that came with a message, not yet decoded.</summary>
/// <param name="EstimatedLength">The decoded size judged from the transferred bytes, for a size check before decoding.</param>
public sealed record IncomingAttachment(string FileName, string ContentType, MimeEntity Entity, long EstimatedLength);
