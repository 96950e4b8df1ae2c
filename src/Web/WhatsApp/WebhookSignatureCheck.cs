namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>The outcome of checking an <c>X-Hub-Signature-256</c> header; only <see cref="Valid"/> lets a body through.</summary>
public enum WebhookSignatureCheck
{
    Valid,

    /// <summary>No header, or an empty one.</summary>
    Missing,

    /// <summary>Not <c>sha256=</c> followed by 64 lowercase hex digits, or the header was repeated.</summary>
    Malformed,

    /// <summary>Well formed, but not the HMAC of this body with our App Secret (tampered, replayed elsewhere, or another app).</summary>
    Mismatch,
}
