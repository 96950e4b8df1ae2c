using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Calls;

/// <summary>Agents' phones' SIP accounts for the registrar: extension and HA1 values, active agents only.</summary>
public sealed class AgentSipCredentialStore(IServiceScopeFactory scopes) : ISipCredentialStore
{
    public async ValueTask<SipAccount?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Extension == username && a.IsActive, cancellationToken).ConfigureAwait(false);
        return agent is { SipMd5Ha1: { } md5, SipSha256Ha1: { } sha256, Extension: { } extension }
            ? SipAccount.WithHa1(extension, agent.DisplayName, md5, sha256)
            : null;
    }
}
