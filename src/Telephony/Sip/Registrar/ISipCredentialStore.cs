namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>
/// Where the registrar finds the SIP account of an extension: the port the web host implements over its agents,
/// so that the SIP stack knows nothing about the database.
/// </summary>
/// <remarks>
/// Called for every authenticated REGISTER (once per phone per refresh interval), after the nonce has checked out,
/// so forged requests cost no lookup. Implementations may cache; they must be thread-safe.
/// </remarks>
public interface ISipCredentialStore
{
    /// <summary>The account whose SIP user name (the extension) is <paramref name="username"/>, or null when there is
    /// none or it may not register (a disabled agent).</summary>
    ValueTask<SipAccount?> FindAsync(string username, CancellationToken cancellationToken);
}
