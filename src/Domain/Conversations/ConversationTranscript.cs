using System.Globalization;
using System.Text;

namespace CallMyWay.Voice.Domain.Conversations;

/// <summary>A conversation as plain text, one line per message, for a case's history or an e-mail to the customer.</summary>
public static class ConversationTranscript
{
    /// <summary>Lines "[yyyy-MM-dd HH:mm] Name: text" in <paramref name="timeZone"/>, each ending with '\n'.</summary>
    public static string Render(Conversation conversation, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(timeZone);
        var text = new StringBuilder();
        foreach (var message in conversation.Messages)
        {
            var local = TimeZoneInfo.ConvertTime(message.At, timeZone);
            text.Append('[').Append(local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("] ")
                .Append(NameOf(conversation, message)).Append(':');
            var body = OneLine(message.Text);
            if (body.Length > 0)
            {
                text.Append(' ').Append(body);
            }

            if (message.HasAttachment)
            {
                text.Append(" (attachment: ").AppendJoin(", ", AttachmentParts(message)).Append(')');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string NameOf(Conversation conversation, ChatMessage message) => message.Author switch
    {
        MessageAuthor.Customer => message.AuthorName ?? conversation.CustomerName ?? conversation.CustomerPhone ?? "Customer",
        MessageAuthor.Agent => message.AuthorName ?? "Agent",
        _ => message.AuthorName ?? "System",
    };

    // A message's own line breaks would break "one line per message".
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static IEnumerable<string> AttachmentParts(ChatMessage message)
    {
        yield return message.AttachmentName ?? "unnamed";
        if (message.AttachmentType is not null)
        {
            yield return message.AttachmentType;
        }

        if (message.AttachmentSize is { } size)
        {
            yield return Size(size);
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
    };
}
