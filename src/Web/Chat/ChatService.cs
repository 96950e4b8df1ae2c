using System.Buffers.Text;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Conversations;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Web.Customers;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Data.Configurations;
using CallMyWay.Voice.Web.Desk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>
/// The written channels' use cases: visitors start and write, agents take, answer, transfer and close, WhatsApp
/// messages join their customer's open conversation, and conversations become (or join) cases. Each change runs
/// under the conversation's lock, is saved, then broadcast.
/// </summary>
public sealed partial class ChatService(
    DeskDbContext db,
    CaseService cases,
    ChatBroadcaster broadcaster,
    ConversationLocks locks,
    IWhatsAppOutbound whatsApp,
    ChatTranscriptMail transcriptMail,
    IOptions<ChatOptions> options,
    TimeProvider time,
    ILogger<ChatService> logger)
{
    /// <summary>Case history notes are kept to this size; the whole transcript stays with the conversation.</summary>
    private const int MaxTranscriptNote = 3800;

    public const string CustomerActor = "customer";

    private DateTimeOffset Now => time.GetUtcNow().ToOffset(cases.Rules.Calendar.Hours.UtcOffset);

    public async Task<(StartChatResult? Started, DomainError? Error)> StartAsync(StartChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!cases.Rules.Calendar.IsOpen(Now))
        {
            return (null, new DomainError("chat.closed", "The desk is closed now: leave a message and we will answer when we open."));
        }

        var (customer, error) = Customer(request.Name, request.Email, request.Phone);
        var language = (request.Language ?? "es").Trim().ToLowerInvariant();
        error ??= Conversation.ValidateStart(CaseChannel.Webchat, customer, request.Topic, language);
        if (error is not null)
        {
            return (null, error);
        }

        var conversation = Conversation.Start(CaseChannel.Webchat, customer, request.Topic, language, Now);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        db.Add(conversation);
        db.Entry(conversation).Property(ConversationConfiguration.VisitorTokenHash).CurrentValue = HashOf(token);
        db.Entry(conversation).Property(ConversationConfiguration.CustomerDigits).CurrentValue = CustomerNumbers.Key(customer.Phone);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await broadcaster.ChangedAsync(conversation, null, [], queueChanged: true, cancellationToken).ConfigureAwait(false);
        Started(logger, conversation.Id, conversation.Channel);
        return (new StartChatResult(conversation.Id, token), null);
    }

    /// <summary>The visitor's conversation, by the token the widget keeps; null for an unknown token.</summary>
    public async Task<Conversation?> FindByTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = HashOf(token);
        return await db.Set<Conversation>().AsNoTracking()
            .FirstOrDefaultAsync(c => EF.Property<string?>(c, ConversationConfiguration.VisitorTokenHash) == hash, cancellationToken).ConfigureAwait(false);
    }

    public Task<Conversation?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>Conversations, newest activity first: by status, and by customer phone (E.164 digits) for one customer's thread.</summary>
    public async Task<IReadOnlyList<Conversation>> ListAsync(ConversationStatus? status, string? phone, long? caseNumber, CancellationToken cancellationToken)
    {
        var query = db.Set<Conversation>().AsNoTracking().AsQueryable();
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }
        else
        {
            var since = Now.AddDays(-1);
            query = query.Where(c => c.Status != ConversationStatus.Closed || c.UpdatedAt > since);
        }

        if (!string.IsNullOrWhiteSpace(phone))
        {
            var typed = NumberPlan.DigitsOf(phone);
            var e164 = CustomerNumbers.Key(phone) ?? typed;
            query = query.Where(c => EF.Property<string?>(c, ConversationConfiguration.CustomerDigits) == e164 || EF.Property<string?>(c, ConversationConfiguration.CustomerDigits) == typed);
        }

        if (caseNumber is { } number)
        {
            query = query.Where(c => c.CaseNumber == number);
        }

        return await query.OrderByDescending(c => c.UpdatedAt).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<ChatOutcome> PostFromCustomerAsync(string conversationId, NewChatMessage message, CancellationToken cancellationToken) =>
        ChangeAsync(conversationId, null, c =>
        {
            var post = c.AddCustomerMessage(message, Now);
            return (post.Error, post.Message);
        }, cancellationToken, afterCustomerMessage: true);

    public async Task<ChatOutcome> LeaveAsync(string conversationId, CancellationToken cancellationToken)
    {
        var outcome = await ChangeAsync(conversationId, null, c => (c.Close(CustomerActor, Now, c.CustomerName ?? (c.Language == "en" ? "The customer" : "El cliente")), null), cancellationToken).ConfigureAwait(false);
        await AfterCloseAsync(outcome, CustomerActor, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>An agent takes a conversation waiting at their level or below (administrators take any).</summary>
    public Task<ChatOutcome> TakeAsync(string conversationId, ChatAgent agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return ChangeAsync(conversationId, agent.DisplayName, c =>
        {
            if (agent.Level is { } level && (int)c.Level > level)
            {
                return (DomainError.Conflict($"This conversation waits for level {(int)c.Level}; you work level {level}."), null);
            }

            return (c.Take(agent.Email, Now, agent.DisplayName), null);
        }, cancellationToken);
    }

    /// <summary>The assignee answers. A WhatsApp answer leaves through the Cloud API, only inside the 24-hour window.</summary>
    public async Task<ChatOutcome> PostFromAgentAsync(string conversationId, ChatAgent agent, string? clientMessageId, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var outcome = await ChangeAsync(conversationId, agent.DisplayName, c =>
        {
            if (c.Channel == CaseChannel.Whatsapp && !c.CustomerServiceWindowOpen(Now) && !IsRetry(c, clientMessageId))
            {
                return (OutsideWindow(), null);
            }

            if (c.Channel == CaseChannel.Whatsapp && !whatsApp.Enabled)
            {
                return (new DomainError("whatsapp.disabled", "WhatsApp is not configured on this desk: the answer cannot be sent."), null);
            }

            var post = c.AddAgentMessage(agent.Email, agent.DisplayName, new NewChatMessage(text ?? string.Empty, clientMessageId), Now);
            return (post.Error, post.Message);
        }, cancellationToken).ConfigureAwait(false);

        if (outcome is { Error: null, Conversation: { Channel: CaseChannel.Whatsapp } conversation, Message: { ExternalId: null, Delivery: null } message })
        {
            var delivery = await whatsApp.SendTextAsync(conversation.CustomerPhone!, message.Text, cancellationToken).ConfigureAwait(false);
            return await RecordDeliveryAsync(conversation.Id, message.Seq, delivery, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    public Task<ChatOutcome> TransferAsync(string conversationId, ChatAgent agent, int level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return ChangeAsync(conversationId, null, c => (NotYours(c, agent) ?? c.Transfer((EscalationLevel)level, agent.Email, Now, agent.DisplayName), null), cancellationToken);
    }

    /// <summary>Closes the conversation; a linked case gets the transcript as a note, the visitor by e-mail.</summary>
    public async Task<ChatOutcome> CloseAsync(string conversationId, ChatAgent agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var outcome = await ChangeAsync(conversationId, agent.DisplayName, c => (NotYours(c, agent) ?? c.Close(agent.Email, Now, agent.DisplayName), null), cancellationToken).ConfigureAwait(false);
        await AfterCloseAsync(outcome, agent.Email, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>A closed chat's transcript goes to its case (as a note) and to the visitor's e-mail.</summary>
    private async Task AfterCloseAsync(ChatOutcome outcome, string actor, CancellationToken cancellationToken)
    {
        if (outcome is not { Error: null, Conversation: { Status: ConversationStatus.Closed } conversation })
        {
            return;
        }

        if (conversation.CaseNumber is { } number)
        {
            await AttachTranscriptAsync(conversation, number, actor, cancellationToken).ConfigureAwait(false);
        }

        db.ChangeTracker.Clear();
        await transcriptMail.QueueAsync(db, conversation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The conversation becomes a case: the customer's newest open case when they have one (one customer, one
    /// thread), else a new inquiry on the conversation's channel.
    /// </summary>
    public async Task<(long? CaseNumber, bool Joined, DomainError? Error)> OpenCaseAsync(string conversationId, ChatAgent agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var conversation = await FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return (null, false, DomainError.NotFound($"Conversation {conversationId}"));
        }

        if (conversation.CaseNumber is { } linked)
        {
            return (linked, true, null);
        }

        var joined = true;
        var number = await OpenCaseOfAsync(conversation, cancellationToken).ConfigureAwait(false);
        if (number is null)
        {
            joined = false;
            var first = conversation.Messages.FirstOrDefault(m => m.Author == MessageAuthor.Customer && m.Text.Length > 0)?.Text;
            var opened = await cases.OpenAsync(
                new NewCase
                {
                    Kind = CaseKind.Inquiry,
                    Channel = conversation.Channel,
                    CallerNumber = conversation.CustomerPhone,
                    CallerEmail = conversation.CustomerEmail,
                    CallerName = conversation.CustomerName,
                    Language = conversation.Language,
                    Subject = Shorten(conversation.Topic ?? first, 200),
                },
                agent.Email,
                cancellationToken).ConfigureAwait(false);
            number = opened.Number;
        }

        var outcome = await ChangeAsync(conversationId, agent.DisplayName, c => (c.LinkCase(number.Value, agent.DisplayName ?? agent.Email, Now), null), cancellationToken).ConfigureAwait(false);
        return outcome.Error is { } error ? (null, false, error) : (number, joined, null);
    }

    /// <summary>A message left outside business hours opens a case for the desk to answer when it opens.</summary>
    public async Task<(long? CaseNumber, DomainError? Error)> LeaveMessageAsync(OfflineMessageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (customer, error) = Customer(request.Name, request.Email, request.Phone);
        if (error is not null)
        {
            return (null, error);
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return (null, DomainError.Invalid("Write the message you want to leave."));
        }

        if (request.Text.Length > ChatLimits.MaxTextLength || (request.Topic?.Length ?? 0) > ChatLimits.MaxTopicLength)
        {
            return (null, DomainError.Invalid($"A message has at most {ChatLimits.MaxTextLength} characters and a topic {ChatLimits.MaxTopicLength}."));
        }

        var language = request.Language?.Trim().ToLowerInvariant() == "en" ? "en" : "es";
        var opened = await cases.OpenAsync(
            new NewCase
            {
                Kind = CaseKind.Inquiry,
                Channel = CaseChannel.Webchat,
                CallerNumber = customer.Phone,
                CallerEmail = customer.Email,
                CallerName = customer.Name,
                Language = language,
                Subject = Shorten(string.IsNullOrWhiteSpace(request.Topic) ? request.Text : request.Topic, 200),
            },
            CustomerActor,
            cancellationToken).ConfigureAwait(false);
        await cases.ChangeAsync(opened.Number, CustomerActor, (c, change) => c.AddNote(request.Text.Trim(), isPublic: true, change), cancellationToken).ConfigureAwait(false);
        return (opened.Number, null);
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<ChatOutcome> ChangeAsync(
        string conversationId,
        string? agentName,
        Func<Conversation, (DomainError? Error, ChatMessage? Message)> command,
        CancellationToken cancellationToken,
        bool afterCustomerMessage = false,
        bool rebroadcastMessage = false)
    {
        using var held = await locks.EnterAsync(conversationId, cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        var conversation = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return ChatOutcome.Refused(DomainError.NotFound($"Conversation {conversationId}"));
        }

        var before = conversation.Messages.Count == 0 ? 0 : conversation.Messages[^1].Seq;
        var version = conversation.Version;
        var queueBefore = (conversation.Status, conversation.Level, conversation.Assignee, conversation.CaseNumber);
        var (error, message) = command(conversation);
        if (error is not null)
        {
            return new ChatOutcome(conversation, message, error);
        }

        if (afterCustomerMessage && message is { Seq: var seq } && seq > before)
        {
            await JoinReferencedCaseAsync(conversation, message, cancellationToken).ConfigureAwait(false);
        }

        if (conversation.Version == version)
        {
            // Nothing changed (a retried message): answer with what is stored, broadcast nothing.
            return new ChatOutcome(conversation, message, null);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var added = conversation.Messages.Where(m => m.Seq > before).ToList();
        if (rebroadcastMessage && message is not null && !added.Contains(message))
        {
            added.Add(message);
        }

        var queueChanged = queueBefore != (conversation.Status, conversation.Level, conversation.Assignee, conversation.CaseNumber);
        // The agent's name is only for the visitor's status line, which changes with the queue, not with each message.
        var statusName = queueChanged ? agentName ?? await AssigneeNameAsync(conversation, cancellationToken).ConfigureAwait(false) : null;
        await broadcaster.ChangedAsync(conversation, statusName, added, queueChanged, cancellationToken).ConfigureAwait(false);
        return new ChatOutcome(conversation, message, null);
    }

    /// <summary>A customer who writes about a case of theirs that is still open joins that case instead of opening another.</summary>
    private async Task JoinReferencedCaseAsync(Conversation conversation, ChatMessage message, CancellationToken cancellationToken)
    {
        if (conversation.CaseNumber is not null || CaseReference.Find(message.Text) is not { } number)
        {
            return;
        }

        var referenced = await db.Cases.AsNoTracking().Where(c => c.Number == number)
            .Select(c => new { c.Status, c.CallerEmail, Digits = EF.Property<string?>(c, SupportCaseConfiguration.CallerE164Digits) })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (referenced is null || referenced.Status is CaseStatus.Resolved or CaseStatus.Closed)
        {
            return;
        }

        // Only the customer's own case: a number typed by someone else must not reveal or touch another customer's case.
        var digits = CustomerNumbers.Key(conversation.CustomerPhone);
        var sameCustomer = (digits is not null && referenced.Digits == digits)
            || (conversation.CustomerEmail is not null && string.Equals(referenced.CallerEmail, conversation.CustomerEmail, StringComparison.OrdinalIgnoreCase));
        if (sameCustomer)
        {
            conversation.LinkCase(number, CustomerActor, Now);
        }
    }

    private async Task<long?> OpenCaseOfAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var digits = CustomerNumbers.Key(conversation.CustomerPhone);
        var email = conversation.CustomerEmail;
        if (digits is null && email is null)
        {
            return null;
        }

        return await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed)
            .Where(c => (digits != null && EF.Property<string?>(c, SupportCaseConfiguration.CallerE164Digits) == digits) || (email != null && c.CallerEmail == email))
            .OrderByDescending(c => c.Number)
            .Select(c => (long?)c.Number)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task AttachTranscriptAsync(Conversation conversation, long caseNumber, string actor, CancellationToken cancellationToken)
    {
        var transcript = ConversationTranscript.Render(conversation, DeskTimeText.Zone(Now.Offset));
        var heading = $"Transcript of the {ContractName.Of(conversation.Channel)} conversation {conversation.Id} ({conversation.Messages.Count} messages; whole text at /api/conversations/{conversation.Id}/transcript):\n";
        var body = transcript.Length + heading.Length > MaxTranscriptNote ? string.Concat(transcript.AsSpan(0, MaxTranscriptNote - heading.Length), "…") : transcript;
        var result = await cases.ChangeAsync(caseNumber, actor, (c, change) => c.AddNote(heading + body, isPublic: false, change), cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            TranscriptNotAttached(logger, conversation.Id, caseNumber, error.Message);
        }
    }

    /// <summary>The assignee is typing: the visitor sees their name.</summary>
    public Task AgentTypingAsync(Conversation conversation, ChatAgent agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(agent);
        return broadcaster.AgentTypingAsync(conversation.Id, agent.DisplayName, cancellationToken);
    }

    /// <summary>The name customers see for an agent (never their e-mail).</summary>
    public async Task<string?> AgentDisplayNameAsync(string email, CancellationToken cancellationToken) =>
        await db.Agents.AsNoTracking().Where(a => a.Email == email).Select(a => a.DisplayName).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    private async Task<string?> AssigneeNameAsync(Conversation conversation, CancellationToken cancellationToken) =>
        conversation.Assignee is not { } email ? null : await AgentDisplayNameAsync(email, cancellationToken).ConfigureAwait(false);

    /// <summary>A conversation another agent is serving is theirs to transfer or close (administrators may step in).</summary>
    private static DomainError? NotYours(Conversation conversation, ChatAgent agent) =>
        conversation is { Status: ConversationStatus.Active, Assignee: { } assignee } && agent.Level is not null && !string.Equals(assignee, agent.Email, StringComparison.OrdinalIgnoreCase)
            ? DomainError.Conflict($"{assignee} is serving this conversation; only they or an administrator can transfer or close it.")
            : null;

    private static bool IsRetry(Conversation conversation, string? clientMessageId) =>
        clientMessageId is not null && conversation.Messages.Any(m => m.Author == MessageAuthor.Agent && m.ClientMessageId == clientMessageId.Trim());

    private static DomainError OutsideWindow() =>
        new("whatsapp.window-closed", "More than 24 hours have passed since the customer last wrote: WhatsApp only allows an approved template now.");

    private static (ConversationCustomer Customer, DomainError? Error) Customer(string? name, string? email, string? phone)
    {
        string? e164 = null;
        if (!string.IsNullOrWhiteSpace(phone))
        {
            e164 = CustomerNumbers.ToE164(phone);
            if (e164 is null)
            {
                return (new ConversationCustomer(null, null, null), DomainError.Invalid("Type the phone number with its country code, e.g. +52 55 1234 5678."));
            }
        }

        var mail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (mail is not null && (mail.Length > 320 || !MailAddress.TryCreate(mail, out _)))
        {
            return (new ConversationCustomer(null, null, null), DomainError.Invalid("The e-mail address does not look right."));
        }

        if (mail is null && e164 is null)
        {
            return (new ConversationCustomer(null, null, null), DomainError.Invalid("Give an e-mail or a phone number, so we can reach you if the chat drops."));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return (new ConversationCustomer(null, null, null), DomainError.Invalid("Tell us your name."));
        }

        return (new ConversationCustomer(name.Trim(), mail, e164), null);
    }

    private static string? Shorten(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Length <= max ? text.Trim() : string.Concat(text.Trim().AsSpan(0, max - 1), "…");

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ConversationId} started on {Channel}")]
    private static partial void Started(ILogger logger, string conversationId, CaseChannel channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {ConversationId}: a customer message was refused: {Reason}")]
    private static partial void Refused(ILogger logger, string conversationId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {ConversationId}: WhatsApp did not take the answer: {Reason}")]
    private static partial void Undelivered(ILogger logger, string conversationId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {ConversationId}: the transcript could not be added to case {CaseNumber}: {Reason}")]
    private static partial void TranscriptNotAttached(ILogger logger, string conversationId, long caseNumber, string reason);
}
