using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallMyWay.Voice.Web.Tests.Chat;

/// <summary>Files in the web chat: judged by their bytes, capped in size, served only to the chat's visitor and agents.</summary>
public sealed class ChatAttachmentTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    [Fact]
    public async Task A_visitor_sends_an_image_that_the_agent_and_only_that_visitor_can_download()
    {
        await using var desk = new ChatDesk();
        var agent = await desk.AgentAsync();
        var visitor = await desk.VisitorAsync();
        var (id, token) = await visitor.StartAsync();
        var anonymous = desk.Factory.CreateClient();

        var response = await anonymous.PostAsync("/api/chat/attachments", Form(token, "captura <b>1<b>.png", Png, "image/png"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var message = await response.Content.ReadFromJsonAsync<JsonElement>();
        var attachment = message.GetProperty("attachment");
        Assert.Equal("image/png", attachment.GetProperty("type").GetString());
        Assert.Equal("captura b1b.png", attachment.GetProperty("name").GetString());
        Assert.Equal(Png.Length, attachment.GetProperty("size").GetInt64());
        var seen = await agent.NextAsync("chatMessage", e => e.TryGetProperty("attachment", out var a) && a.ValueKind == JsonValueKind.Object);
        var url = seen.GetProperty("attachment").GetProperty("url").GetString()!;

        var admin = await desk.Factory.LoggedInClientAsync();
        var download = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{url}?token={Uri.EscapeDataString(token)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        var (_, otherToken) = await (await desk.VisitorAsync()).StartAsync(name: "Otro");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{url}?token={Uri.EscapeDataString(otherToken)}")).StatusCode);
        Assert.Equal(id, seen.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task A_program_disguised_as_a_picture_and_a_file_over_the_limit_are_refused_and_nothing_is_posted()
    {
        await using var desk = new ChatDesk(settings: new Dictionary<string, string?> { ["Chat:MaxAttachmentBytes"] = "1024" });
        var visitor = await desk.VisitorAsync();
        var (id, token) = await visitor.StartAsync();
        var anonymous = desk.Factory.CreateClient();
        byte[] program = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

        var disguised = await anonymous.PostAsync("/api/chat/attachments", Form(token, "foto.png", program, "image/png"));
        var huge = await anonymous.PostAsync("/api/chat/attachments", Form(token, "notas.txt", new byte[2048].Select(_ => (byte)'a').ToArray(), "text/plain"));
        var stranger = await anonymous.PostAsync("/api/chat/attachments", Form("not-a-token", "foto.png", Png, "image/png"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, disguised.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        var stored = await (await desk.Factory.LoggedInClientAsync()).GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        Assert.Equal(0, stored.GetProperty("messages").GetArrayLength());
    }

    private static MultipartFormDataContent Form(string token, string fileName, byte[] bytes, string type)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { new StringContent(token), "token" }, { file, "file", fileName } };
    }
}
