using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>The <c>EmailOutbox</c> table: unique per cause and per Message-ID, read in next-attempt order.</summary>
public sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("EmailOutbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.DedupKey).HasMaxLength(OutboxEmail.KeyLength).IsRequired();
        builder.Property(m => m.MessageId).HasMaxLength(Threading.EmailMessageRecord.MessageIdLength).IsRequired();
        builder.Property(m => m.ToAddress).HasMaxLength(320).IsRequired();
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(500).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.InReplyTo).HasMaxLength(Threading.EmailMessageRecord.MessageIdLength);
        builder.Property(m => m.References).HasMaxLength(4000);
        builder.Property(m => m.AutoSubmitted).HasMaxLength(32);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptUtcTicks });
        builder.HasIndex(m => m.CaseNumber);
    }
}
