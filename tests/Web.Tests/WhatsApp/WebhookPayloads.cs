using System.Text;
using CallMyWay.Voice.Web.WhatsApp;

namespace CallMyWay.Voice.Web.Tests.WhatsApp;

/// <summary>The notification bodies under Payloads/, modelled on the examples of Meta's "messages" webhook reference.</summary>
internal static class WebhookPayloads
{
    public const string AppSecret = "6f1c0d3e9b2a4c5d8e7f00112233aabb";

    public static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "WhatsApp", "Payloads", name));

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    public static string Sign(byte[] body, string secret = AppSecret) => WebhookSignature.Compute(body, secret);
}
