using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallMyWay.Voice.Web.Email.Attachments;

/// <summary>The <c>EmailAttachments</c> table, read by case.</summary>
public sealed class EmailAttachmentRecordConfiguration : IEntityTypeConfiguration<EmailAttachmentRecord>
{
    public void Configure(EntityTypeBuilder<EmailAttachmentRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("EmailAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.MessageId).HasMaxLength(Threading.EmailMessageRecord.MessageIdLength).IsRequired();
        builder.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(128).IsRequired();
        builder.Property(a => a.StoredPath).HasMaxLength(1024);
        builder.Property(a => a.Refusal).HasMaxLength(200);
        builder.HasIndex(a => a.CaseNumber);
    }
}
