using System.Text.Json;
using CallMyWay.Voice.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallMyWay.Voice.Web.Data.Configurations;

/// <summary>How a case is stored: one row per case, its details as JSON, its history in its own table.</summary>
public sealed class SupportCaseConfiguration : IEntityTypeConfiguration<SupportCase>
{
    /// <summary>Digits of the caller's number, kept so that lookups by caller ignore formatting.</summary>
    public const string CallerDigits = "CallerDigits";

    /// <summary>
    /// Digits of the caller's number in E.164, read in the case's country when it came without a country code,
    /// so a customer's call, chat and WhatsApp meet (CustomerNumbers); null when the number does not parse.
    /// </summary>
    public const string CallerE164Digits = "CallerE164Digits";

    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<SupportCase> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Cases");
        builder.HasKey(c => c.Number);
        builder.Property(c => c.Number).ValueGeneratedOnAdd();

        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Severity).HasConversion<string>().HasMaxLength(2);
        builder.Property(c => c.Level).HasConversion<int>();
        builder.Property(c => c.AffectedUsers).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Interruption).HasConversion<int?>();
        builder.Property(c => c.Assignee).HasMaxLength(256);
        builder.Property(c => c.Did).HasMaxLength(32);
        builder.Property(c => c.Country).HasMaxLength(2);
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.Property(c => c.CallerNumber).HasMaxLength(64);
        builder.Property(c => c.CallerEmail).HasMaxLength(320);
        builder.Property(c => c.CallerName).HasMaxLength(200);
        builder.Property(c => c.Subject).HasMaxLength(500);
        builder.Property<string?>(CallerDigits).HasMaxLength(32);
        builder.Property<string?>(CallerE164Digits).HasMaxLength(32);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.Property(c => c.Details)
            .HasConversion(
                details => JsonSerializer.Serialize(details, DetailsJson),
                json => JsonSerializer.Deserialize<CaseDetails>(json, DetailsJson) ?? CaseDetails.Empty,
                new ValueComparer<CaseDetails>((a, b) => Equals(a, b), d => d.GetHashCode(), d => d))
            .HasColumnName("DetailsJson");

        builder.Ignore(c => c.MissingInfo);

        builder.OwnsMany(c => c.History, history =>
        {
            history.ToTable("CaseHistory");
            history.WithOwner().HasForeignKey("CaseNumber");
            history.Property<long>("Id").ValueGeneratedOnAdd();
            history.HasKey("Id");
            history.Property(h => h.Actor).HasMaxLength(320);
            history.Property(h => h.Action).HasMaxLength(32);
            history.Property(h => h.Detail).HasMaxLength(4000);
        });
        builder.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(CallerDigits);
        builder.HasIndex(CallerE164Digits);
        builder.HasIndex(c => c.Did);
        builder.HasIndex(c => c.Status);
    }
}
