using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>The audit trail of callback requests.</summary>
public sealed class Click2CallAuditConfiguration : IEntityTypeConfiguration<Click2CallAudit>
{
    public void Configure(EntityTypeBuilder<Click2CallAudit> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Click2CallAudit");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ClientIp).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Phone).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Number).HasMaxLength(16);
        builder.Property(a => a.Country).HasMaxLength(2);
        builder.Property(a => a.Decision).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Reason).HasMaxLength(300);
        builder.Property(a => a.CallbackId).HasMaxLength(32);
        builder.HasIndex(a => a.Number);
        builder.HasIndex(a => a.ClientIp);
    }
}
