namespace CallMyWay.Voice.Web.Chat;

/// <summary>An approved WhatsApp message template, by name and language code (e.g. <c>es_MX</c>).</summary>
public sealed record WhatsAppTemplate(string Name, string Language);
