namespace CallMyWay.Voice.Domain.Numbers;

/// <summary>One of the desk's country numbers (DIDs) and what a call to it means.</summary>
/// <param name="E164">The number in E.164 with its plus sign, e.g. <c>+525541708422</c>.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code, e.g. <c>MX</c>.</param>
/// <param name="Language">The IVR's language for callers of this number: <c>es</c> or <c>en</c>.</param>
/// <param name="TollFree">Whether the number is free to call.</param>
/// <param name="WhatsApp">Whether the number also takes WhatsApp messages.</param>
/// <param name="Display">The number as the desk prints it, e.g. <c>+52 55 4170 8422</c>.</param>
public sealed record DeskNumber(string E164, string Country, string Language, bool TollFree, bool WhatsApp, string Display);
