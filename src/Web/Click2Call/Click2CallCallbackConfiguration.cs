using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>Website callbacks with their attempts (owned, in a table of their own).</summary>
public sealed class Click2CallCallbackConfiguration : IEntityTypeConfiguration<Click2CallCallback>
{
    public void Configure(EntityTypeBuilder<Click2CallCallback> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Click2CallCallbacks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(32);
        builder.Property(c => c.Number).HasMaxLength(16).IsRequired();
        builder.Property(c => c.Country).HasMaxLength(2).IsRequired();
        builder.Property(c => c.Did).HasMaxLength(16).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.Number, c.Status });
        builder.HasIndex(c => c.Status);
        builder.OwnsMany(c => c.Attempts, attempt =>
        {
            attempt.ToTable("Click2CallAttempts");
            attempt.WithOwner().HasForeignKey("CallbackId");
            attempt.HasKey("CallbackId", nameof(Click2CallAttempt.Number));
            attempt.Property(a => a.Number).ValueGeneratedNever();
            attempt.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
            attempt.Property(a => a.Detail).HasMaxLength(200);
            attempt.Property(a => a.CallId).HasMaxLength(128);
        });
        builder.Navigation(c => c.Attempts).HasField("_attempts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
