using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallMyWay.Voice.Web.Tests.Chat;

/// <summary>Visitor ↔ agent web chat over the two hubs, with the .NET SignalR client.</summary>
public sealed class WebChatTests
{
    [Fact]
    public async Task A_visitor_and_an_agent_chat_both_ways_in_order_with_typing_the_visitor_sees_the_agents_name_and_gets_the_transcript_by_email()
    {
        await using var desk = new ChatDesk();
        var agent = await desk.AgentAsync();
        var visitor = await desk.VisitorAsync();

        var (id, token) = await visitor.StartAsync();

        var waiting = await agent.NextAsync("chatUpdated", e => e.GetProperty("id").GetString() == id);
        Assert.Equal("waiting", waiting.GetProperty("status").GetString());
        Assert.Equal("webchat", waiting.GetProperty("channel").GetString());
        Assert.Equal("María López", waiting.GetProperty("customerName").GetString());
        Assert.Equal("Facturación", waiting.GetProperty("topic").GetString());

        var hello = await visitor.SendAsync(token, "v-1", "Hola, no me llega la factura");
        Assert.Equal(1, hello.GetProperty("seq").GetInt32());
        Assert.Equal("customer", (await agent.NextAsync("chatMessage")).GetProperty("author").GetString());

        await agent.TakeAsync(id);
        var status = await visitor.NextAsync("chatStatus", e => e.GetProperty("status").GetString() == "active");
        Assert.Equal("Administrator", status.GetProperty("agentName").GetString());
        var joined = await visitor.NextAsync("chatMessage", e => e.GetProperty("author").GetString() == "system");
        Assert.Equal("Administrator se unió a la conversación", joined.GetProperty("text").GetString());

        await agent.Connection.InvokeAsync("chatTyping", id);
        var typing = await visitor.NextAsync("chatTyping");
        Assert.Equal("agent", typing.GetProperty("author").GetString());
        await visitor.Connection.InvokeAsync("typing", token);
        Assert.Equal(id, (await agent.NextAsync("chatTyping")).GetProperty("conversationId").GetString());

        await agent.SendAsync(id, "a-1", "Hola María, la reviso ahora.");
        await agent.SendAsync(id, "a-2", "Ya está reenviada.");
        var first = await visitor.NextAsync("chatMessage", e => e.GetProperty("author").GetString() == "agent");
        var second = await visitor.NextAsync("chatMessage", e => e.GetProperty("author").GetString() == "agent");
        Assert.Equal("Hola María, la reviso ahora.", first.GetProperty("text").GetString());
        Assert.Equal("Ya está reenviada.", second.GetProperty("text").GetString());
        Assert.Equal(first.GetProperty("seq").GetInt32() + 1, second.GetProperty("seq").GetInt32());
        Assert.Equal("Administrator", first.GetProperty("authorName").GetString());

        // The visitor ends the chat: the transcript is queued for their e-mail, once.
        await visitor.Connection.InvokeAsync("leave", token);
        await visitor.Connection.InvokeAsync("leave", token);
        await using var scope = desk.Factory.Services.CreateAsyncScope();
        var mails = await scope.ServiceProvider.GetRequiredService<Web.Data.DeskDbContext>().Set<Web.Email.Outbound.OutboxEmail>()
            .Where(m => m.ToAddress == "maria@example.com").ToListAsync();
        var mail = Assert.Single(mails);
        Assert.Equal("Tu chat con el soporte de CallMyWay", mail.Subject);
        Assert.Contains("Administrator: Ya está reenviada.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("María López: Hola, no me llega la factura", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_who_lost_the_network_resumes_with_what_they_missed_and_a_resent_message_is_stored_once()
    {
        await using var desk = new ChatDesk();
        var agent = await desk.AgentAsync();
        var visitor = await desk.VisitorAsync();
        var (id, token) = await visitor.StartAsync();
        await visitor.SendAsync(token, "v-1", "¿Hay alguien?");
        await agent.TakeAsync(id);
        await visitor.Connection.StopAsync();

        // While the visitor is away the agent writes twice, and the visitor's last message is resent after the drop.
        await agent.SendAsync(id, "a-1", "Sí, aquí estoy.");
        await agent.SendAsync(id, "a-2", "¿Sigues ahí?");
        var again = await desk.VisitorAsync();
        var resumed = await again.ResumeAsync(token, afterSeq: 1);
        var missed = resumed.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal("active", resumed.GetProperty("status").GetString());
        Assert.Equal([2, 3, 4], missed.Select(m => m.GetProperty("seq").GetInt32()));
        Assert.Equal(["system", "agent", "agent"], missed.Select(m => m.GetProperty("author").GetString()));
        var resent = await again.SendAsync(token, "v-1", "¿Hay alguien?");
        Assert.Equal(1, resent.GetProperty("seq").GetInt32());

        var stored = await (await desk.Factory.LoggedInClientAsync()).GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        Assert.Equal(4, stored.GetProperty("messages").GetArrayLength());
        Assert.Single(stored.GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString() == "¿Hay alguien?");

        // And the resumed connection gets new messages live.
        await agent.SendAsync(id, "a-3", "Perfecto.");
        Assert.Equal(5, (await again.NextAsync("chatMessage")).GetProperty("seq").GetInt32());
    }

    [Fact]
    public async Task A_message_with_html_is_kept_as_typed_and_an_oversized_or_unknown_token_message_is_refused()
    {
        await using var desk = new ChatDesk();
        var visitor = await desk.VisitorAsync();
        var (_, token) = await visitor.StartAsync();

        var html = await visitor.SendAsync(token, "v-1", "<img src=x onerror=alert(1)><script>alert(2)</script>");
        Assert.Equal("<img src=x onerror=alert(1)><script>alert(2)</script>", html.GetProperty("text").GetString());

        var tooLong = await Assert.ThrowsAsync<HubException>(() => visitor.SendAsync(token, "v-2", new string('a', 4097)));
        Assert.Contains("4096", tooLong.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<HubException>(() => visitor.SendAsync("not-a-token", "v-3", "hola"));
        Assert.Contains("start a new one", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_who_writes_too_fast_is_slowed_down()
    {
        await using var desk = new ChatDesk(settings: new Dictionary<string, string?> { ["Chat:MessagesPerMinute"] = "3" });
        var visitor = await desk.VisitorAsync();
        var (_, token) = await visitor.StartAsync();
        for (var i = 1; i <= 3; i++)
        {
            await visitor.SendAsync(token, $"v-{i}", $"mensaje {i}");
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => visitor.SendAsync(token, "v-4", "mensaje 4"));

        Assert.Contains("too fast", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_business_hours_a_chat_cannot_start_but_a_message_left_opens_a_webchat_case()
    {
        // Sunday 20:00 in GMT-6: closed (weekends 07–17).
        await using var desk = new ChatDesk(now: DateTimeOffset.Parse("2026-11-22T20:00:00-06:00", System.Globalization.CultureInfo.InvariantCulture));
        var visitor = await desk.VisitorAsync();
        var anonymous = desk.Factory.CreateClient();

        var availability = await anonymous.GetFromJsonAsync<JsonElement>("/api/chat/availability");
        Assert.False(availability.GetProperty("open").GetBoolean());
        Assert.Equal("sosporte24@callmyway.com", availability.GetProperty("email").GetString());
        Assert.StartsWith("2026-11-23T06:00:00", availability.GetProperty("nextOpen").GetString(), StringComparison.Ordinal);
        var closed = await Assert.ThrowsAsync<HubException>(() => visitor.StartAsync());
        Assert.Contains("closed", closed.Message, StringComparison.Ordinal);

        var left = await anonymous.PostAsJsonAsync("/api/chat/messages", new { name = "Pedro", email = "pedro@example.com", topic = "Sin tono", text = "Mi extensión 204 no tiene tono desde ayer.", language = "es" });

        Assert.Equal(HttpStatusCode.Created, left.StatusCode);
        var number = (await left.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetInt64();
        await using var scope = desk.Factory.Services.CreateAsyncScope();
        var opened = await scope.ServiceProvider.GetRequiredService<CaseService>().FindAsync(number, CancellationToken.None);
        Assert.NotNull(opened);
        Assert.Equal(CaseChannel.Webchat, opened.Channel);
        Assert.Equal("pedro@example.com", opened.CallerEmail);
        Assert.Equal("Sin tono", opened.Subject);
        Assert.Contains(opened.History, h => h.Detail == "Mi extensión 204 no tiene tono desde ayer.");

        var nameless = await anonymous.PostAsJsonAsync("/api/chat/messages", new { text = "hola" });
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
    }

    [Fact]
    public async Task A_message_about_the_customers_open_case_joins_it_and_closing_the_chat_adds_the_transcript_to_the_case()
    {
        await using var desk = new ChatDesk();
        var admin = await desk.Factory.LoggedInClientAsync();
        var hers = await (await admin.PostAsJsonAsync("/api/cases", new { kind = "inquiry", channel = "email", callerNumber = "+52 55 1234 5678" })).Content.ReadFromJsonAsync<JsonElement>();
        var someoneElses = await (await admin.PostAsJsonAsync("/api/cases", new { kind = "inquiry", channel = "email", callerNumber = "+57 1 518 0000" })).Content.ReadFromJsonAsync<JsonElement>();
        var herNumber = hers.GetProperty("number").GetInt64();
        var agent = await desk.AgentAsync();
        var visitor = await desk.VisitorAsync();
        var (id, token) = await visitor.StartAsync(email: null, phone: "+525512345678");

        await visitor.SendAsync(token, "v-1", $"Vengo por el caso #{someoneElses.GetProperty("number").GetInt64()}");
        Assert.False((await ConversationAsync(admin, id)).GetProperty("summary").TryGetProperty("caseNumber", out var none) && none.ValueKind == JsonValueKind.Number);
        await visitor.SendAsync(token, "v-2", $"Perdón, es el caso #{herNumber}");
        Assert.Equal(herNumber, (await ConversationAsync(admin, id)).GetProperty("summary").GetProperty("caseNumber").GetInt64());

        await agent.TakeAsync(id);
        await agent.SendAsync(id, "a-1", "Lo veo en tu caso.");
        await agent.Connection.InvokeAsync<JsonElement>("closeChat", id);

        var status = await visitor.NextAsync("chatStatus", e => e.GetProperty("status").GetString() == "closed");
        Assert.Equal(id, status.GetProperty("conversationId").GetString());
        var withTranscript = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{herNumber}");
        var note = withTranscript.GetProperty("history").EnumerateArray().Last(h => h.GetProperty("action").GetString() == "note").GetProperty("detail").GetString();
        Assert.Contains($"conversation {id}", note, StringComparison.Ordinal);
        Assert.Contains("María López: Perdón, es el caso", note, StringComparison.Ordinal);
        Assert.Contains("Administrator: Lo veo en tu caso.", note, StringComparison.Ordinal);
        var transcript = await admin.GetStringAsync($"/api/conversations/{id}/transcript");
        Assert.Contains("Lo veo en tu caso.", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_opens_a_case_from_a_chat_and_a_customer_with_an_open_case_joins_it_instead()
    {
        await using var desk = new ChatDesk();
        var admin = await desk.Factory.LoggedInClientAsync();
        var agent = await desk.AgentAsync();
        var visitor = await desk.VisitorAsync();
        var (newcomer, newcomerToken) = await visitor.StartAsync(name: "Nuevo", email: "nuevo@example.com");
        await visitor.SendAsync(newcomerToken, "v-1", "Quiero contratar dos extensiones");

        var opened = await agent.Connection.InvokeAsync<long>("openCaseFromChat", newcomer);

        var created = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{opened}");
        Assert.Equal("webchat", created.GetProperty("channel").GetString());
        Assert.Equal("inquiry", created.GetProperty("kind").GetString());
        Assert.Equal("Facturación", created.GetProperty("subject").GetString());

        // The same customer writes again in a new chat: the agent's "open case" finds the open one.
        var (again, _) = await visitor.StartAsync(name: "Nuevo", email: "nuevo@example.com");
        Assert.Equal(opened, await agent.Connection.InvokeAsync<long>("openCaseFromChat", again));
    }

    [Fact]
    public async Task Only_agents_at_or_above_the_chats_level_take_it_a_transfer_puts_it_back_in_the_queue_and_only_its_agent_closes_it()
    {
        await using var desk = new ChatDesk();
        var admin = await desk.Factory.LoggedInClientAsync();
        (await admin.PostAsJsonAsync("/api/agents", new { email = "uno@callmyway.test", displayName = "Uno", role = "level1", password = "agent-password-long" })).EnsureSuccessStatusCode();
        var supervisor = await desk.AgentAsync();
        var levelOne = await desk.AgentAsync("uno@callmyway.test", "agent-password-long");
        var visitor = await desk.VisitorAsync();
        var (id, _) = await visitor.StartAsync();

        await levelOne.TakeAsync(id);
        var transferred = await levelOne.Connection.InvokeAsync<JsonElement>("transferChat", id, "level2");
        Assert.Equal("waiting", transferred.GetProperty("status").GetString());
        Assert.Equal(2, transferred.GetProperty("level").GetInt32());
        var refused = await Assert.ThrowsAsync<HubException>(() => levelOne.TakeAsync(id));
        Assert.Contains("level 2", refused.Message, StringComparison.Ordinal);

        var taken = await supervisor.TakeAsync(id);
        Assert.Equal("active", taken.GetProperty("status").GetString());
        Assert.Equal(DeskFactory.AdminEmail, taken.GetProperty("assignee").GetString());
        var notHers = await Assert.ThrowsAsync<HubException>(() => levelOne.Connection.InvokeAsync<JsonElement>("closeChat", id));
        Assert.Contains("only they or an administrator", notHers.Message, StringComparison.Ordinal);
        var note = await visitor.NextAsync("chatMessage", e => e.GetProperty("text").GetString()!.Contains("nivel 2", StringComparison.Ordinal));
        Assert.Equal("Uno transfirió la conversación al nivel 2", note.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Once_a_chat_is_taken_its_lines_go_to_its_agent_and_the_administrators_not_to_every_console()
    {
        await using var desk = new ChatDesk();
        var admin = await desk.Factory.LoggedInClientAsync();
        foreach (var who in new[] { "uno", "dos" })
        {
            (await admin.PostAsJsonAsync("/api/agents", new { email = $"{who}@callmyway.test", displayName = who, role = "level1", password = "agent-password-long" })).EnsureSuccessStatusCode();
        }

        var supervisor = await desk.AgentAsync();
        var uno = await desk.AgentAsync("uno@callmyway.test", "agent-password-long");
        var dos = await desk.AgentAsync("dos@callmyway.test", "agent-password-long");
        var visitor = await desk.VisitorAsync();
        var (id, token) = await visitor.StartAsync();
        await uno.TakeAsync(id);

        await visitor.SendAsync(token, "v-1", "mi contraseña es…");
        await uno.NextAsync("chatMessage", e => e.GetProperty("text").GetString() == "mi contraseña es…");
        await supervisor.NextAsync("chatMessage", e => e.GetProperty("text").GetString() == "mi contraseña es…");
        await uno.Connection.InvokeAsync<JsonElement>("closeChat", id);

        // Each console hears the server in order: the close reaches Dos after anything sent to Dos before it.
        await dos.NextAsync("chatUpdated", e => e.GetProperty("status").GetString() == "closed");
        Assert.False(dos.Has("chatMessage", e => e.GetProperty("text").GetString() == "mi contraseña es…"));
    }

    [Fact]
    public async Task A_console_that_reconnects_gets_the_open_chats_again()
    {
        await using var desk = new ChatDesk();
        var visitor = await desk.VisitorAsync();
        var (id, _) = await visitor.StartAsync();

        var agent = await desk.AgentAsync();

        var resent = await agent.NextAsync("chatUpdated", e => e.GetProperty("id").GetString() == id);
        Assert.Equal("waiting", resent.GetProperty("status").GetString());
    }

    private static async Task<JsonElement> ConversationAsync(HttpClient admin, string id) =>
        await admin.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
}
