using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Web.Customers;
using CallMyWay.Voice.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Data;

/// <summary>Cases in the desk's database through EF Core.</summary>
public sealed class EfCaseRepository(DeskDbContext db) : ICaseRepository
{
    public async Task AddAsync(SupportCase supportCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        db.Cases.Add(supportCase);
        SetCallerDigits(supportCase);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<SupportCase?> FindAsync(long number, CancellationToken cancellationToken) =>
        db.Cases.FirstOrDefaultAsync(c => c.Number == number, cancellationToken);

    public async Task SaveAsync(SupportCase supportCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        SetCallerDigits(supportCase);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Forget our stale copy so that a retry reads the winner's version.
            foreach (var entry in ex.Entries)
            {
                entry.State = EntityState.Detached;
            }

            db.ChangeTracker.Clear();
            throw new ConcurrentChangeException($"Case {supportCase.Number} was changed by someone else in the meantime.", ex);
        }
    }

    public async Task<IReadOnlyList<SupportCase>> ListAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cases = db.Cases.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Caller))
        {
            // As typed (an extension, a carrier's odd format) or as the same customer in E.164, whichever the caller was saved as.
            var digits = NumberPlan.DigitsOf(query.Caller);
            var e164 = CustomerNumbers.Key(query.Caller) ?? digits;
            cases = cases.Where(c => EF.Property<string?>(c, SupportCaseConfiguration.CallerDigits) == digits
                || EF.Property<string?>(c, SupportCaseConfiguration.CallerE164Digits) == e164);
        }

        if (!string.IsNullOrWhiteSpace(query.Did))
        {
            var did = "+" + NumberPlan.DigitsOf(query.Did);
            cases = cases.Where(c => c.Did == did);
        }

        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (query.Kind is { } kind)
        {
            cases = cases.Where(c => c.Kind == kind);
        }

        if (query.Level is { } level)
        {
            cases = cases.Where(c => (int)c.Level == level);
        }

        // Numbers increase with time, so the highest number is the newest case.
        return await cases.OrderByDescending(c => c.Number).Take(Math.Clamp(query.Limit, 1, 1000)).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private void SetCallerDigits(SupportCase supportCase)
    {
        // The case's country reads a national caller number the way the carrier meant it (a call to the Mexican DID
        // from 55 1234 5678 is +52 55 1234 5678), so calls, chats and WhatsApp from one customer meet.
        var digits = supportCase.CallerNumber is null ? null : NumberPlan.DigitsOf(supportCase.CallerNumber);
        var entry = db.Entry(supportCase);
        entry.Property(SupportCaseConfiguration.CallerDigits).CurrentValue = string.IsNullOrEmpty(digits) ? null : digits;
        entry.Property(SupportCaseConfiguration.CallerE164Digits).CurrentValue = CustomerNumbers.Key(supportCase.CallerNumber, supportCase.Country);
    }
}
