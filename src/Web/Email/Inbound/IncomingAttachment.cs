using MimeKit;

namespace CallMyWay.Voice.Web.Email.Inbound;

/// <summary>A file that came with a message, not yet decoded.</summary>
/// <param name="EncodedLength">Bytes as transferred (base64 is about 4/3 of the file), for a first size check.</param>
public sealed record IncomingAttachment(string FileName, string ContentType, MimeEntity Entity, long EncodedLength);
