using CallMyWay.Voice.Web.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallMyWay.Voice.Web.Data.Configurations;

/// <summary>Sent SLA alerts; the unique index is the exactly-once guarantee.</summary>
public sealed class SlaAlertRecordConfiguration : IEntityTypeConfiguration<SlaAlertRecord>
{
    public void Configure(EntityTypeBuilder<SlaAlertRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("SlaAlerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.CaseNumber, a.Kind, a.Level, a.DueUtcTicks }).IsUnique();
    }
}
