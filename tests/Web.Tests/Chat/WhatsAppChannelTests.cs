using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallMyWay.Voice.Web.Tests.WhatsApp;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallMyWay.Voice.Web.Tests.Chat;

/// <summary>WhatsApp end to end inside the host: Meta's webhook in, the console's answers out to a local Cloud API.</summary>
public sealed class WhatsAppChannelTests : IAsyncLifetime
{
    private const string Customer = "50688887777";
    private FakeCloudApi _cloud = null!;
    private ChatDesk _desk = null!;

    [Fact]
    public async Task A_signed_message_opens_a_whatsapp_conversation_once_however_often_meta_delivers_it()
    {
        var agent = await _desk.AgentAsync();
        var body = TextMessage("wamid.first", "Hola, mi extensión no registra", _desk.Time.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(body)).StatusCode);

        var update = await agent.NextAsync("chatUpdated", e => e.GetProperty("channel").GetString() == "whatsapp");
        Assert.Equal("+50688887777", update.GetProperty("customerPhone").GetString());
        Assert.Equal("Ana Mora", update.GetProperty("customerName").GetString());
        Assert.True(update.GetProperty("windowOpen").GetBoolean());
        var all = await ConversationsAsync("+506 8888 7777");
        var conversation = Assert.Single(all.EnumerateArray());
        var stored = await (await _desk.Factory.LoggedInClientAsync()).GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation.GetProperty("id").GetString()}");
        var message = Assert.Single(stored.GetProperty("messages").EnumerateArray());
        Assert.Equal("Hola, mi extensión no registra", message.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_message_with_a_bad_signature_is_refused_and_nothing_is_stored()
    {
        var body = TextMessage("wamid.forged", "forged", _desk.Time.GetUtcNow());

        var response = await PostWebhookAsync(body, signature: WebhookPayloads.Sign(body, "not-the-app-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, (await ConversationsAsync(null)).GetArrayLength());
    }

    [Fact]
    public async Task An_agents_answer_goes_to_the_cloud_api_and_status_webhooks_mark_it_delivered_then_read()
    {
        var agent = await _desk.AgentAsync();
        await PostWebhookAsync(TextMessage("wamid.in-1", "¿Me ayudan?", _desk.Time.GetUtcNow()));
        var id = (await agent.NextAsync("chatUpdated", e => e.GetProperty("channel").GetString() == "whatsapp")).GetProperty("id").GetString()!;
        await agent.TakeAsync(id);

        var sent = await agent.SendAsync(id, "a-1", "Claro, ¿qué extensión es?");

        Assert.Equal("sent", sent.GetProperty("delivery").GetString());
        var request = Assert.Single(_cloud.Requests);
        Assert.Equal("/v21.0/106540352242922/messages", request.PathAndQuery);
        Assert.Equal("Bearer test-access-token", request.Authorization);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(Customer, json.RootElement.GetProperty("to").GetString());
        Assert.Equal("Claro, ¿qué extensión es?", json.RootElement.GetProperty("text").GetProperty("body").GetString());

        await PostWebhookAsync(Status(FakeCloudApi.AcceptedWamid, "read", _desk.Time.GetUtcNow()));
        await PostWebhookAsync(Status(FakeCloudApi.AcceptedWamid, "delivered", _desk.Time.GetUtcNow()));
        var stored = await (await _desk.Factory.LoggedInClientAsync()).GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        var answer = stored.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("author").GetString() == "agent");
        Assert.Equal("read", answer.GetProperty("delivery").GetString());
    }

    [Fact]
    public async Task After_24_hours_without_a_customer_message_only_an_approved_template_may_be_sent()
    {
        var agent = await _desk.AgentAsync();
        await PostWebhookAsync(TextMessage("wamid.in-2", "Hola", _desk.Time.GetUtcNow()));
        var id = (await agent.NextAsync("chatUpdated", e => e.GetProperty("channel").GetString() == "whatsapp")).GetProperty("id").GetString()!;
        await agent.TakeAsync(id);
        _desk.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        // The hub judges client timeouts on the same clock: after a day's jump the agent's console connects again.
        agent = await _desk.AgentAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => agent.SendAsync(id, "a-1", "¿Sigues ahí?"));
        Assert.Contains("24 hours", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_cloud.Requests);
        var summary = (await (await _desk.Factory.LoggedInClientAsync()).GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("summary");
        Assert.False(summary.GetProperty("windowOpen").GetBoolean());

        var notApproved = await Assert.ThrowsAsync<HubException>(() => agent.Connection.InvokeAsync<JsonElement>("sendChatTemplate", id, "promo"));
        Assert.Contains("not an approved template", notApproved.Message, StringComparison.Ordinal);
        var template = await agent.Connection.InvokeAsync<JsonElement>("sendChatTemplate", id, "seguimiento_caso");

        Assert.Equal("sent", template.GetProperty("delivery").GetString());
        using var json = JsonDocument.Parse(Assert.Single(_cloud.Requests).Body);
        Assert.Equal("template", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("seguimiento_caso", json.RootElement.GetProperty("template").GetProperty("name").GetString());
        Assert.Equal("es_MX", json.RootElement.GetProperty("template").GetProperty("language").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_customers_photo_is_fetched_from_meta_when_an_agent_opens_it_and_a_disallowed_type_is_only_noted()
    {
        var agent = await _desk.AgentAsync();
        await PostWebhookAsync(Notification($$"""
            "contacts": [{ "profile": { "name": "Ana Mora" }, "wa_id": "{{Customer}}" }],
            "messages": [
              { "from": "{{Customer}}", "id": "wamid.photo", "timestamp": "{{Seconds(_desk.Time.GetUtcNow())}}", "type": "image",
                "image": { "caption": "Así se ve el teléfono", "mime_type": "image/jpeg", "sha256": "abc", "id": "1013859600285441" } },
              { "from": "{{Customer}}", "id": "wamid.exe", "timestamp": "{{Seconds(_desk.Time.GetUtcNow())}}", "type": "document",
                "document": { "filename": "driver.exe", "mime_type": "application/x-msdownload", "sha256": "def", "id": "2222" } }
            ]
            """));
        var photo = await agent.NextAsync("chatMessage", e => e.GetProperty("text").GetString() == "Así se ve el teléfono");
        var exe = await agent.NextAsync("chatMessage", e => e.GetProperty("seq").GetInt32() == 2);
        Assert.Equal(JsonValueKind.Null, exe.GetProperty("attachment").ValueKind);
        Assert.Contains("not accepted", exe.GetProperty("text").GetString(), StringComparison.Ordinal);

        _cloud.Respond = r => r.PathAndQuery switch
        {
            "/v21.0/1013859600285441" => (200, $$"""{"messaging_product":"whatsapp","url":"{{_cloud.BaseUrl}}media/1013859600285441?ext=1","mime_type":"image/jpeg","sha256":"abc","file_size":10,"id":"1013859600285441"}"""),
            "/media/1013859600285441?ext=1" => (200, "jpeg-bytes"),
            _ => (404, "{}"),
        };
        var admin = await _desk.Factory.LoggedInClientAsync();
        var file = await admin.GetAsync(photo.GetProperty("attachment").GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("jpeg-bytes", await file.Content.ReadAsStringAsync());
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        Assert.All(_cloud.Requests, r => Assert.Equal("Bearer test-access-token", r.Authorization));
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Factory.CreateClient().GetAsync(photo.GetProperty("attachment").GetProperty("url").GetString())).StatusCode);
    }

    [Fact]
    public async Task Outside_business_hours_the_customer_is_told_once_a_day_when_the_desk_opens()
    {
        // Sunday 20:00 in GMT-6: closed until Monday 06:00.
        await using var closed = new ChatDesk(DateTimeOffset.Parse("2026-11-22T20:00:00-06:00", CultureInfo.InvariantCulture), Settings());
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(TextMessage("wamid.night-1", "¿Hay alguien?", closed.Time.GetUtcNow()), desk: closed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(TextMessage("wamid.night-2", "Es urgente", closed.Time.GetUtcNow()), desk: closed)).StatusCode);

        var notice = Assert.Single(_cloud.Requests);
        using var json = JsonDocument.Parse(notice.Body);
        var text = json.RootElement.GetProperty("text").GetProperty("body").GetString()!;
        Assert.Contains("Ahora estamos cerrados", text, StringComparison.Ordinal);
        Assert.Contains("06:00", text, StringComparison.Ordinal);
        Assert.Contains("lunes 23 de noviembre", text, StringComparison.Ordinal);
        Assert.Contains("sosporte24@callmyway.com", text, StringComparison.Ordinal);
        var conversation = Assert.Single((await ConversationsAsync(null, closed)).EnumerateArray());
        var stored = await (await closed.Factory.LoggedInClientAsync()).GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation.GetProperty("id").GetString()}");
        Assert.Equal(["customer", "system", "customer"], stored.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("author").GetString()));
        Assert.Equal("sent", stored.GetProperty("messages")[1].GetProperty("delivery").GetString());
    }

    [Fact]
    public async Task A_call_a_chat_and_a_whatsapp_message_from_one_customer_show_together()
    {
        var admin = await _desk.Factory.LoggedInClientAsync();

        // The carrier passes the caller in national format on the Costa Rica DID; WhatsApp gives the wa_id.
        var call = await admin.PostAsJsonAsync("/api/cases", new { kind = "inquiry", channel = "phone", did = "+50640004000", callerNumber = "8888 7777" });
        Assert.Equal(HttpStatusCode.Created, call.StatusCode);
        var visitor = await _desk.VisitorAsync();
        await visitor.StartAsync(name: "Ana Mora", email: null, phone: "+506 8888-7777");
        await PostWebhookAsync(TextMessage("wamid.in-3", "Hola", _desk.Time.GetUtcNow()));

        var conversations = await ConversationsAsync("+50688887777");
        Assert.Equal(["webchat", "whatsapp"], conversations.EnumerateArray().Select(c => c.GetProperty("channel").GetString()).Order());
        var cases = await admin.GetFromJsonAsync<JsonElement>("/api/cases?caller=%2B50688887777");
        Assert.Single(cases.EnumerateArray());
        var asTyped = await admin.GetFromJsonAsync<JsonElement>("/api/cases?caller=88887777");
        Assert.Single(asTyped.EnumerateArray());
    }

    public async Task InitializeAsync()
    {
        _cloud = await FakeCloudApi.StartAsync();
        _desk = new ChatDesk(settings: Settings());
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["WhatsApp:Enabled"] = "true",
        ["WhatsApp:VerifyToken"] = "verify-me",
        ["WhatsApp:AppSecret"] = WebhookPayloads.AppSecret,
        ["WhatsApp:AccessToken"] = "test-access-token",
        ["WhatsApp:PhoneNumberId"] = "106540352242922",
        ["WhatsApp:BaseUrl"] = _cloud.BaseUrl.ToString().TrimEnd('/'),
        ["WhatsApp:Templates:0:Name"] = "seguimiento_caso",
        ["WhatsApp:Templates:0:Language"] = "es_MX",
    };

    public async Task DisposeAsync()
    {
        await _desk.DisposeAsync();
        await _cloud.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(byte[] body, string? signature = null, ChatDesk? desk = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", signature ?? WebhookPayloads.Sign(body));
        return await (desk ?? _desk).Factory.CreateClient().SendAsync(request);
    }

    private async Task<JsonElement> ConversationsAsync(string? phone, ChatDesk? desk = null) =>
        await (await (desk ?? _desk).Factory.LoggedInClientAsync()).GetFromJsonAsync<JsonElement>(phone is null ? "/api/conversations" : $"/api/conversations?phone={Uri.EscapeDataString(phone)}");

    private static byte[] TextMessage(string wamid, string text, DateTimeOffset at) => Notification($$"""
        "contacts": [{ "profile": { "name": "Ana Mora" }, "wa_id": "{{Customer}}" }],
        "messages": [{ "from": "{{Customer}}", "id": "{{wamid}}", "timestamp": "{{Seconds(at)}}", "type": "text", "text": { "body": {{JsonSerializer.Serialize(text)}} } }]
        """);

    private static byte[] Status(string wamid, string status, DateTimeOffset at) => Notification($$"""
        "statuses": [{ "id": "{{wamid}}", "status": "{{status}}", "timestamp": "{{Seconds(at)}}", "recipient_id": "{{Customer}}" }]
        """);

    // The shape of Meta's "messages" webhook notification, around the given value fields.
    private static byte[] Notification(string valueFields) => Encoding.UTF8.GetBytes($$"""
        {
          "object": "whatsapp_business_account",
          "entry": [{
            "id": "102290129340398",
            "changes": [{
              "value": {
                "messaging_product": "whatsapp",
                "metadata": { "display_phone_number": "50640004000", "phone_number_id": "106540352242922" },
                {{valueFields}}
              },
              "field": "messages"
            }]
          }]
        }
        """);

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
