using CallMyWay.Voice.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>How a conversation is stored: one row per conversation, its messages in their own table keyed by seq.</summary>
public sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    /// <summary>SHA-256 of the visitor's token: the token itself is a secret the database never sees.</summary>
    public const string VisitorTokenHash = "VisitorTokenHash";

    /// <summary>Digits of the customer's E.164 number, as cases keep theirs, so one customer's threads meet.</summary>
    public const string CustomerDigits = "CustomerDigits";

    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Conversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(32);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Level).HasConversion<int>();
        builder.Property(c => c.CustomerName).HasMaxLength(ChatLimits.MaxNameLength);
        builder.Property(c => c.CustomerEmail).HasMaxLength(320);
        builder.Property(c => c.CustomerPhone).HasMaxLength(32);
        builder.Property(c => c.Topic).HasMaxLength(ChatLimits.MaxTopicLength);
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.Property(c => c.Assignee).HasMaxLength(320);
        builder.Property(c => c.Version).IsConcurrencyToken();

        // Kept as a number so that SQLite can order and compare it (it cannot with the text form of DateTimeOffset).
        builder.Property(c => c.UpdatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property<string?>(VisitorTokenHash).HasMaxLength(64);
        builder.Property<string?>(CustomerDigits).HasMaxLength(32);
        builder.Ignore(c => c.CustomerServiceWindowClosesAt);

        builder.OwnsMany(c => c.Messages, message =>
        {
            message.ToTable("ChatMessages");
            message.WithOwner().HasForeignKey("ConversationId");
            message.HasKey("ConversationId", nameof(ChatMessage.Seq));
            message.Property(m => m.Seq).ValueGeneratedNever();
            message.Property(m => m.Author).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.AuthorName).HasMaxLength(200);
            message.Property(m => m.Text).HasMaxLength(ChatLimits.MaxTextLength);
            message.Property(m => m.ClientMessageId).HasMaxLength(ChatLimits.MaxIdLength);
            message.Property(m => m.ExternalId).HasMaxLength(ChatLimits.MaxIdLength);
            message.Property(m => m.AttachmentId).HasMaxLength(ChatLimits.MaxIdLength);
            message.Property(m => m.AttachmentName).HasMaxLength(255);
            message.Property(m => m.AttachmentType).HasMaxLength(100);
            message.Property(m => m.Delivery).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.DeliveryError).HasMaxLength(1000);
            message.Ignore(m => m.HasAttachment);

            // A WhatsApp message id is stored once, whichever conversation it landed in: webhook retries add nothing.
            message.HasIndex(m => m.ExternalId).IsUnique();
        });
        builder.Navigation(c => c.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(VisitorTokenHash).IsUnique();
        builder.HasIndex(CustomerDigits);
        builder.HasIndex(c => c.Status);
        builder.HasIndex(c => c.UpdatedAt);
    }
}
