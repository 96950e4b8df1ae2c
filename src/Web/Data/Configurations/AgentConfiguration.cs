using CallMyWay.Voice.Domain.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallMyWay.Voice.Web.Data.Configurations;

/// <summary>How agents are stored; e-mails and extensions are unique.</summary>
public sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Agents");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Email).HasMaxLength(320).IsRequired();
        builder.Property(a => a.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.PasswordHash).HasMaxLength(512).IsRequired();
        builder.Property(a => a.Extension).HasMaxLength(32);
        builder.Property(a => a.SipMd5Ha1).HasMaxLength(64);
        builder.Property(a => a.SipSha256Ha1).HasMaxLength(64);
        builder.Ignore(a => a.Level);
        builder.Ignore(a => a.HasSipCredentials);
        builder.HasIndex(a => a.Email).IsUnique();
        builder.HasIndex(a => a.Extension).IsUnique();
    }
}
