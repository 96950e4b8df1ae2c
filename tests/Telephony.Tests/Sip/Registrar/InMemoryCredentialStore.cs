using CallMyWay.Voice.Telephony.Sip.Registrar;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Registrar;

/// <summary>The host's credential store, as a dictionary; counts lookups.</summary>
internal sealed class InMemoryCredentialStore : ISipCredentialStore
{
    private readonly Dictionary<string, SipAccount> _accounts = new(StringComparer.Ordinal);

    public int Lookups { get; private set; }

    public void Add(SipAccount account) => _accounts[account.Username] = account;

    public ValueTask<SipAccount?> FindAsync(string username, CancellationToken cancellationToken)
    {
        Lookups++;
        return ValueTask.FromResult(_accounts.GetValueOrDefault(username));
    }
}
