namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>
/// A media asset a customer sent (image, document, audio, video, sticker): fetch its URL with
/// <c>GET /{version}/{Id}</c> and the access token, then download it with the same token.
/// </summary>
/// <param name="Sha256">The checksum exactly as Meta sends it (base64 or hex, depending on the sender's client).</param>
public sealed record WhatsAppMedia(string Id, string MimeType, string? FileName, string? Sha256);
