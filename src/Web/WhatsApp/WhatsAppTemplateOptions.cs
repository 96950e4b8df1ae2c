namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>One approved message template: its name and the language code it was approved in (e.g. <c>es_MX</c>, <c>en_US</c>).</summary>
public sealed class WhatsAppTemplateOptions
{
    public string Name { get; set; } = "";

    public string Language { get; set; } = "";
}
