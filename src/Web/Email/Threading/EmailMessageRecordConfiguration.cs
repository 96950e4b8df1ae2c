using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallMyWay.Voice.Web.Email.Threading;

/// <summary>The <c>EmailMessages</c> table; its unique Message-ID index is what makes a duplicate delivery harmless.</summary>
public sealed class EmailMessageRecordConfiguration : IEntityTypeConfiguration<EmailMessageRecord>
{
    public void Configure(EntityTypeBuilder<EmailMessageRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("EmailMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageId).HasMaxLength(EmailMessageRecord.MessageIdLength).IsRequired();
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Address).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.Outcome).HasMaxLength(32);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => m.CaseNumber);
        builder.HasIndex(m => new { m.Address, m.AtUtcTicks });
    }
}
