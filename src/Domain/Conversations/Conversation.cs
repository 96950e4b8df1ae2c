using System.Buffers.Text;
using System.Security.Cryptography;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;

namespace CallMyWay.Voice.Domain.Conversations;

/// <summary>
/// A web chat or WhatsApp conversation between a customer and the desk: who holds it, at which level it waits,
/// and its numbered messages. Commands return a <see cref="DomainError"/> when refused and leave it untouched.
/// </summary>
public sealed class Conversation
{
    private const int IdBytes = 16;

    // CaseNumber.MaxDigits nines.
    private const long LargestCaseNumber = 999_999_999_999;
    private static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(24);

    private readonly List<ChatMessage> _messages = [];

    private Conversation()
    {
    }

    /// <summary>22 url-safe characters (<see cref="NewId"/>): unguessable, since the visitor's link to it is public.</summary>
    public string Id { get; private set; } = string.Empty;

    public CaseChannel Channel { get; private set; }
    public ConversationStatus Status { get; private set; }
    public string? CustomerName { get; private set; }
    public string? CustomerEmail { get; private set; }

    /// <summary>E.164; for WhatsApp it is the customer's address on the channel.</summary>
    public string? CustomerPhone { get; private set; }

    public string? Topic { get; private set; }

    /// <summary>"es" or "en".</summary>
    public string Language { get; private set; } = "es";

    public EscalationLevel Level { get; private set; } = EscalationLevel.Level1;

    /// <summary>The e-mail of the agent answering; null while waiting.</summary>
    public string? Assignee { get; private set; }

    /// <summary>The case opened from (or linked to) the conversation.</summary>
    public long? CaseNumber { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Since when the customer waits for an agent: set on start and on transfer, null once taken.</summary>
    public DateTimeOffset? WaitingSince { get; private set; }

    public DateTimeOffset? LastCustomerMessageAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Bumped on every change; the store uses it to refuse lost updates.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ChatMessage> Messages
    {
        get
        {
            // The store does not promise to load the collection in order.
            if (!IsOrdered())
            {
                _messages.Sort(static (a, b) => a.Seq.CompareTo(b.Seq));
            }

            return _messages;
        }
    }

    /// <summary>
    /// When WhatsApp's customer-service window closes: 24 hours after the customer's last message. Outside it only
    /// approved templates may be sent. Null for web chat (no such window) and before the customer has written.
    /// </summary>
    public DateTimeOffset? CustomerServiceWindowClosesAt =>
        Channel == CaseChannel.Whatsapp && LastCustomerMessageAt is { } last ? last + CustomerServiceWindow : null;

    /// <summary>A fresh conversation id: 128 random bits as 22 base64url characters.</summary>
    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes));

    /// <summary>Why <see cref="Start"/> would refuse these values, in words for the visitor; null when they are fine.</summary>
    public static DomainError? ValidateStart(CaseChannel channel, ConversationCustomer customer, string? topic, string language)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (channel is not (CaseChannel.Webchat or CaseChannel.Whatsapp))
        {
            return DomainError.Invalid("A conversation is a web chat or a WhatsApp chat.");
        }

        if (ChatMessage.Normalised(customer.Name)?.Length > ChatLimits.MaxNameLength)
        {
            return DomainError.Invalid($"The name is longer than {ChatLimits.MaxNameLength} characters.");
        }

        if (ChatMessage.Normalised(topic)?.Length > ChatLimits.MaxTopicLength)
        {
            return DomainError.Invalid($"The topic is longer than {ChatLimits.MaxTopicLength} characters.");
        }

        return NormalisedLanguage(language) is null ? DomainError.Invalid("The language must be \"es\" or \"en\".") : null;
    }

    /// <summary>The customer opens a chat: it waits at level 1 for an agent.</summary>
    /// <exception cref="ArgumentException">The values are refused by <see cref="ValidateStart"/>; callers validate first.</exception>
    public static Conversation Start(CaseChannel channel, ConversationCustomer customer, string? topic, string language, DateTimeOffset at)
    {
        var error = ValidateStart(channel, customer, topic, language);
        if (error is not null)
        {
            throw new ArgumentException(error.Message);
        }

        return new Conversation
        {
            Id = NewId(),
            Channel = channel,
            Status = ConversationStatus.Waiting,
            CustomerName = ChatMessage.Normalised(customer.Name),
            CustomerEmail = ChatMessage.Normalised(customer.Email),
            CustomerPhone = ChatMessage.Normalised(customer.Phone),
            Topic = ChatMessage.Normalised(topic),
            Language = NormalisedLanguage(language)!,
            Level = EscalationLevel.Level1,
            CreatedAt = at,
            UpdatedAt = at,
            WaitingSince = at,
        };
    }

    /// <summary>Whether a free-form message may go to the customer now; web chat has no window and is always open.</summary>
    public bool CustomerServiceWindowOpen(DateTimeOffset now) =>
        Channel != CaseChannel.Whatsapp || (CustomerServiceWindowClosesAt is { } closes && now < closes);

    /// <summary>The customer writes; a retry of a message already stored returns that message as a duplicate.</summary>
    public ChatPost AddCustomerMessage(NewChatMessage message, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (FindDuplicate(MessageAuthor.Customer, message) is { } existing)
        {
            return ChatPost.Repeated(existing);
        }

        if (Status == ConversationStatus.Closed)
        {
            return ChatPost.Refused(IllegalTransition("written to"));
        }

        if (CheckMessage(message) is { } error)
        {
            return ChatPost.Refused(error);
        }

        var added = Append(MessageAuthor.Customer, CustomerName, message.Text.Trim(), at, message);

        // A webhook delivered late must not shorten the window the customer's newest message opened.
        if (LastCustomerMessageAt is null || at > LastCustomerMessageAt)
        {
            LastCustomerMessageAt = at;
        }

        return ChatPost.Added(added);
    }

    /// <summary>An agent takes a waiting conversation; taking one already yours changes nothing.</summary>
    /// <param name="agentName">How the customer sees the agent (their display name); the e-mail stays internal.</param>
    public DomainError? Take(string agent, DateTimeOffset at, string? agentName = null)
    {
        if (string.IsNullOrWhiteSpace(agent))
        {
            return DomainError.Invalid("Name the agent who takes the conversation.");
        }

        agent = agent.Trim();
        switch (Status)
        {
            case ConversationStatus.Closed:
                return IllegalTransition("taken");
            case ConversationStatus.Active when IsAssignee(agent):
                return null;
            case ConversationStatus.Active:
                return DomainError.Conflict($"The conversation is already taken by {Assignee}.");
        }

        Status = ConversationStatus.Active;
        Assignee = agent;
        WaitingSince = null;
        Append(MessageAuthor.System, null, InLanguage($"{ChatMessage.Normalised(agentName) ?? agent} se unió a la conversación", $"{ChatMessage.Normalised(agentName) ?? agent} joined"), at);
        return null;
    }

    /// <summary>The assignee answers; only an active conversation, only its assignee.</summary>
    public ChatPost AddAgentMessage(string agent, string? agentName, NewChatMessage message, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(agent))
        {
            return ChatPost.Refused(DomainError.Invalid("Name the agent who writes."));
        }

        if (FindDuplicate(MessageAuthor.Agent, message) is { } existing)
        {
            return ChatPost.Repeated(existing);
        }

        if (Status != ConversationStatus.Active)
        {
            return ChatPost.Refused(IllegalTransition(Status == ConversationStatus.Waiting ? "answered before an agent takes it" : "written to"));
        }

        if (!IsAssignee(agent.Trim()))
        {
            return ChatPost.Refused(DomainError.Conflict($"The conversation is taken by {Assignee}; only they can write in it."));
        }

        if (CheckMessage(message) is { } error)
        {
            return ChatPost.Refused(error);
        }

        return ChatPost.Added(Append(MessageAuthor.Agent, ChatMessage.Normalised(agentName), message.Text.Trim(), at, message));
    }

    /// <summary>The conversation goes back to the queue at <paramref name="level"/>, for that level's agents to take.</summary>
    /// <param name="byName">How the customer sees who transferred it; <paramref name="by"/> when not given.</param>
    public DomainError? Transfer(EscalationLevel level, string by, DateTimeOffset at, string? byName = null)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            return DomainError.Invalid("Say who transfers the conversation.");
        }

        if (!Enum.IsDefined(level))
        {
            return DomainError.Invalid("The level must be 1, 2 or 3.");
        }

        if (Status == ConversationStatus.Closed)
        {
            return IllegalTransition("transferred");
        }

        if (Status == ConversationStatus.Waiting && level == Level)
        {
            return new DomainError("conversation.same-level", $"The conversation is already waiting at level {(int)level}.");
        }

        Status = ConversationStatus.Waiting;
        Level = level;
        Assignee = null;
        WaitingSince = at;
        Append(MessageAuthor.System, null, InLanguage(
            $"{ChatMessage.Normalised(byName) ?? by.Trim()} transfirió la conversación al nivel {(int)level}",
            $"{ChatMessage.Normalised(byName) ?? by.Trim()} transferred the conversation to level {(int)level}"), at);
        return null;
    }

    /// <param name="byName">How the customer sees who closed it; <paramref name="by"/> when not given.</param>
    public DomainError? Close(string by, DateTimeOffset at, string? byName = null)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            return DomainError.Invalid("Say who closes the conversation.");
        }

        if (Status == ConversationStatus.Closed)
        {
            return new DomainError("conversation.closed", "The conversation is already closed.");
        }

        Status = ConversationStatus.Closed;
        WaitingSince = null;
        ClosedAt = at;
        Append(MessageAuthor.System, null, InLanguage($"{ChatMessage.Normalised(byName) ?? by.Trim()} cerró la conversación", $"{ChatMessage.Normalised(byName) ?? by.Trim()} closed the conversation"), at);
        return null;
    }

    /// <summary>Records the case opened for the conversation; linking the same case again changes nothing.</summary>
    public DomainError? LinkCase(long caseNumber, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            return DomainError.Invalid("Say who links the case.");
        }

        if (caseNumber is <= 0 or > LargestCaseNumber)
        {
            return DomainError.Invalid("A case number is 1 to 12 digits.");
        }

        if (CaseNumber == caseNumber)
        {
            return null;
        }

        if (CaseNumber is { } linked)
        {
            return DomainError.Conflict($"The conversation is already linked to case #{linked}.");
        }

        CaseNumber = caseNumber;
        Append(MessageAuthor.System, null, InLanguage($"{by.Trim()} vinculó el caso #{caseNumber}", $"{by.Trim()} linked case #{caseNumber}"), at);
        return null;
    }

    /// <summary>
    /// An automatic message from the desk to the customer (an away notice outside business hours), once per
    /// <paramref name="clientMessageId"/>: sending it again returns the one already written.
    /// </summary>
    public ChatPost AddAutomaticReply(string text, string clientMessageId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientMessageId);
        var message = new NewChatMessage(text ?? string.Empty, clientMessageId);
        if (FindDuplicate(MessageAuthor.System, message) is { } existing)
        {
            return ChatPost.Repeated(existing);
        }

        if (Status == ConversationStatus.Closed)
        {
            return ChatPost.Refused(IllegalTransition("written to"));
        }

        if (CheckMessage(message) is { } error)
        {
            return ChatPost.Refused(error);
        }

        return ChatPost.Added(Append(MessageAuthor.System, null, message.Text.Trim(), at, message));
    }

    /// <summary>System messages are read by the customer too, so they speak the conversation's language.</summary>
    private string InLanguage(string spanish, string english) => Language == "en" ? english : spanish;

    /// <summary>Records the id the channel gave a message we sent, so its status webhooks find it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No message has that <paramref name="seq"/>.</exception>
    /// <exception cref="InvalidOperationException">The message, or another one, already has a different id.</exception>
    public void SetExternalId(int seq, string externalId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        externalId = externalId.Trim();
        var message = _messages.Find(m => m.Seq == seq) ?? throw new ArgumentOutOfRangeException(nameof(seq), seq, "The conversation has no message with that seq.");
        if (message.ExternalId == externalId)
        {
            return;
        }

        if (message.ExternalId is not null)
        {
            throw new InvalidOperationException($"Message {seq} already has the external id {message.ExternalId}.");
        }

        if (_messages.Exists(m => m.ExternalId == externalId))
        {
            throw new InvalidOperationException($"Another message already has the external id {externalId}.");
        }

        message.SetExternalId(externalId);
        Version++;
    }

    /// <summary>Applies a channel status to the message with that id; false when unknown or not a step forward.</summary>
    public bool MarkDelivery(string externalId, MessageDelivery delivery, string? error)
    {
        if (string.IsNullOrWhiteSpace(externalId) || !Enum.IsDefined(delivery))
        {
            return false;
        }

        var id = externalId.Trim();
        var message = _messages.Find(m => m.ExternalId == id);
        if (message is null || !message.Advance(delivery, error))
        {
            return false;
        }

        Version++;
        return true;
    }

    private static string? NormalisedLanguage(string? language) =>
        language?.Trim().ToLowerInvariant() switch
        {
            "es" => "es",
            "en" => "en",
            _ => null,
        };

    private static DomainError IllegalTransition(ConversationStatus status, string action) =>
        new("conversation.illegal-transition", $"A conversation that is {ContractName.Of(status)} cannot be {action}.");

    private static DomainError? CheckMessage(NewChatMessage message)
    {
        if (message.Text is null || (string.IsNullOrWhiteSpace(message.Text) && string.IsNullOrWhiteSpace(message.AttachmentId)))
        {
            return DomainError.Invalid("A message needs text or an attachment.");
        }

        if (message.Text.Trim().Length > ChatLimits.MaxTextLength)
        {
            return DomainError.Invalid($"A message is at most {ChatLimits.MaxTextLength} characters.");
        }

        if (message.ClientMessageId?.Trim().Length > ChatLimits.MaxIdLength || message.ExternalId?.Trim().Length > ChatLimits.MaxIdLength)
        {
            return DomainError.Invalid($"A message id is at most {ChatLimits.MaxIdLength} characters.");
        }

        return message.AttachmentSize < 0 ? DomainError.Invalid("An attachment's size cannot be negative.") : null;
    }

    private DomainError IllegalTransition(string action) => IllegalTransition(Status, action);

    private bool IsAssignee(string agent) => string.Equals(Assignee, agent, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The sender's ids are only unique per side (a visitor's and an agent's widget may both count from 1),
    /// while a channel's id is unique across the whole channel.
    /// </summary>
    private ChatMessage? FindDuplicate(MessageAuthor author, NewChatMessage message)
    {
        var clientId = ChatMessage.Normalised(message.ClientMessageId);
        var externalId = ChatMessage.Normalised(message.ExternalId);
        if (clientId is null && externalId is null)
        {
            return null;
        }

        return Messages.FirstOrDefault(m =>
            (externalId is not null && m.ExternalId == externalId) ||
            (clientId is not null && m.Author == author && m.ClientMessageId == clientId));
    }

    private ChatMessage Append(MessageAuthor author, string? authorName, string text, DateTimeOffset at, NewChatMessage? from = null)
    {
        var seq = _messages.Count == 0 ? 1 : _messages.Max(m => m.Seq) + 1;
        var message = ChatMessage.Create(seq, author, authorName, text, at, from);
        _messages.Add(message);
        UpdatedAt = at;
        Version++;
        return message;
    }

    private bool IsOrdered()
    {
        for (var i = 1; i < _messages.Count; i++)
        {
            if (_messages[i - 1].Seq > _messages[i].Seq)
            {
                return false;
            }
        }

        return true;
    }
}
