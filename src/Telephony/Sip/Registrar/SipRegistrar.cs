using System.Globalization;
using System.Net;
using CallMyWay.Voice.Telephony.Sip.Auth;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>
/// The registrar (RFC 3261 §10.3): answers agents' phones' REGISTER requests, authenticating each as its extension
/// with digest auth, and keeps their contacts in <see cref="RegistrationBindings"/>.
/// </summary>
/// <remarks>
/// <para>
/// The UA core hands every new REGISTER server transaction to <see cref="HandleAsync"/>, which always sends exactly
/// one final response: 200 with the current bindings, 401 with digest challenges, 403 (wrong extension, too many
/// contacts, or a source locked out after repeated failures), 400, 420, 423 or 500.
/// </para>
/// <para>Thread-safe; one instance serves every phone.</para>
/// </remarks>
public sealed partial class SipRegistrar
{
    // RFC 3261 §20.23; not among the names the message layer knows by constant.
    private const string MinExpiresHeader = "Min-Expires";

    private readonly ISipCredentialStore _credentials;
    private readonly RegistrarOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<DigestAlgorithm> _algorithms;
    private readonly DigestServer _digest;
    private readonly AuthenticationLockout _lockout;
    private readonly Func<string, string, DigestAlgorithm, CancellationToken, ValueTask<DigestSecret?>> _findSecret;

    /// <summary>Creates the registrar.</summary>
    /// <exception cref="ArgumentException">The options are not valid (<see cref="RegistrarOptions.Validate"/>).</exception>
    public SipRegistrar(
        ISipCredentialStore credentials,
        RegistrationBindings bindings,
        IOptions<RegistrarOptions> options,
        TimeProvider timeProvider,
        ILogger<SipRegistrar> logger)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _credentials = credentials;
        _timeProvider = timeProvider;
        _logger = logger;
        Bindings = bindings;
        _algorithms = _options.GetChallengeAlgorithms();
        _digest = new DigestServer(_options.Realm, timeProvider, nonceLifetime: _options.NonceLifetime);
        _lockout = new AuthenticationLockout(
            _options.ExtensionFailureLimit,
            _options.AddressFailureLimit,
            _options.FailureWindow,
            _options.LockoutDuration,
            timeProvider);
        _findSecret = FindSecretAsync;
    }

    /// <summary>The bindings this registrar writes.</summary>
    public RegistrationBindings Bindings { get; }

    /// <summary>The realm phones are challenged for.</summary>
    public string Realm => _options.Realm;

    /// <summary>The algorithms phones are challenged with, most preferred first.</summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms => _algorithms;

    /// <summary>
    /// Processes a REGISTER (RFC 3261 §10.3) and sends its final response through the transaction. A failure to
    /// send is logged, not thrown: the phone retransmits or retries. Failures of the credential store are thrown
    /// (the transaction layer then answers 500).
    /// </summary>
    /// <param name="transaction">A new server transaction whose request is a REGISTER.</param>
    /// <param name="cancellationToken">Cancels the credential lookup (the service is stopping).</param>
    public async ValueTask HandleAsync(ServerTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.Request.Method != SipMethod.Register)
        {
            throw new ArgumentException($"The registrar handles REGISTER, not {transaction.Request.Method}.", nameof(transaction));
        }

        var response = await DecideAsync(transaction, cancellationToken).ConfigureAwait(false);
        try
        {
            await transaction.RespondAsync(response).ConfigureAwait(false);
        }
        catch (SipTransportException exception)
        {
            LogSendFailed(_logger, response.StatusCode, transaction.Source, exception);
        }
    }

    private async ValueTask<SipResponse> DecideAsync(ServerTransaction transaction, CancellationToken cancellationToken)
    {
        var request = transaction.Request;
        var source = transaction.Source;
        var address = source.Address.Address;
        var credentials = FindCredentials(request);
        if (_lockout.IsLockedOut(address, credentials?.Username ?? request.To.Uri?.User))
        {
            // No challenge either: a locked-out guesser gets no nonce to guess with, and no lookup is made.
            LogLockedOutRefused(_logger, source);
            return transaction.CreateResponse(403);
        }

        // §10.3 step 2 (§8.2.2.3): no extension a REGISTER could require is supported.
        var required = request.Headers.GetAll(SipHeaderNames.Require);
        if (required.Count > 0)
        {
            var unsupported = transaction.CreateResponse(420);
            unsupported.Headers.Add(SipHeaderNames.Unsupported, string.Join(", ", required));
            return unsupported;
        }

        // §10.3 step 3: authenticate (RFC 3261 §22).
        if (credentials is null)
        {
            return Challenge(transaction, stale: false);
        }

        var verification = await _digest
            .VerifyAsync(credentials, request.Method.Name, _findSecret, requestUri: null, request.Body, cancellationToken)
            .ConfigureAwait(false);
        switch (verification.Outcome)
        {
            case DigestVerificationOutcome.Success:
                break;
            case DigestVerificationOutcome.StaleNonce or DigestVerificationOutcome.Replay:
                // The phone knows the password; it retries with the fresh nonce without asking anyone (RFC 7616 §3.3).
                return Challenge(transaction, stale: true);
            case DigestVerificationOutcome.BadResponse or DigestVerificationOutcome.UnknownUser:
                // Both look alike on the wire, so that extensions cannot be probed.
                LogAuthenticationFailed(_logger, credentials.Username, source, verification.Outcome);
                if (_lockout.RecordFailure(address, credentials.Username) is var scope and not LockoutScope.None)
                {
                    LogLockedOut(_logger, address, scope == LockoutScope.Address ? "every extension" : credentials.Username, _options.LockoutDuration);
                }

                return Challenge(transaction, stale: false);
            default:
                // A nonce we did not issue (or issued before a restart), another realm, another URI: a plain new challenge.
                LogAuthenticationFailed(_logger, credentials.Username, source, verification.Outcome);
                return Challenge(transaction, stale: false);
        }

        // §10.3 steps 4 and 5: the address-of-record is the To URI, whose user is the extension; a phone may change
        // only its own extension's bindings.
        var extension = request.To.Uri?.User;
        if (extension is null || !string.Equals(extension, verification.Username, StringComparison.Ordinal))
        {
            LogWrongExtension(_logger, verification.Username, request.To.UriText, source);
            return transaction.CreateResponse(403);
        }

        var now = _timeProvider.GetUtcNow();
        if (ReadContacts(transaction, out var removeAll, out var updates) is { } invalid)
        {
            return invalid;
        }

        IReadOnlyList<ContactBinding> bindings;
        if (!removeAll && updates.Count == 0)
        {
            // §10.2.3: a REGISTER without Contact asks for the current bindings.
            bindings = Bindings.Lookup(extension);
        }
        else
        {
            var change = new RegistrationChange
            {
                CallId = request.CallId,
                CSeq = request.CSeq.Number,
                ReceivedFrom = source,
                LocalEndPoint = transaction.Local,
                UserAgent = request.Headers.GetFirst(SipHeaderNames.UserAgent),
                At = now,
                RemoveAll = removeAll,
                Contacts = updates,
                MaxContacts = _options.MaxContactsPerExtension,
            };
            var result = Bindings.Apply(extension, change);
            switch (result.Status)
            {
                case BindingUpdateStatus.OutOfOrder:
                    // §10.3 step 7: the update is aborted and the request fails, and a request whose updates fail gets 500.
                    LogOutOfOrder(_logger, extension, request.CallId, request.CSeq.Number, source);
                    return transaction.CreateResponse(500, "Out of Order CSeq");
                case BindingUpdateStatus.TooManyContacts:
                    return transaction.CreateResponse(403, "Too Many Contacts");
            }

            bindings = result.Bindings;
            if (result.Changed)
            {
                LogBindingsChanged(_logger, extension, bindings.Count, source);
            }
            else
            {
                LogRefreshed(_logger, extension, source);
            }
        }

        // §10.3 step 8: every current binding with the time it has left, and the Date.
        var ok = transaction.CreateResponse(200);
        foreach (var binding in bindings)
        {
            var seconds = binding.SecondsLeftAt(now).ToString(CultureInfo.InvariantCulture);
            ok.Headers.Add(SipHeaderNames.Contact, binding.Contact.WithParameter("expires", seconds).ToString());
        }

        ok.Headers.Add(SipHeaderNames.Date, now.ToString("r", CultureInfo.InvariantCulture));
        return ok;
    }

    /// <summary>
    /// §10.3 steps 6 and 7: checks the Contacts and works out each one's interval. Returns the error response, or
    /// null with <paramref name="removeAll"/> for <c>Contact: *</c> and the updates otherwise (none for a query).
    /// </summary>
    private SipResponse? ReadContacts(ServerTransaction transaction, out bool removeAll, out List<ContactUpdate> updates)
    {
        var request = transaction.Request;
        removeAll = false;
        updates = [];

        // A malformed Expires is taken as absent, so the default applies.
        long? headerExpires = request.Headers.GetFirst(SipHeaderNames.Expires) is { } text
            && SipGrammar.TryParseBoundedNumber(text.AsSpan().Trim(" \t"), uint.MaxValue, out var parsed)
                ? parsed
                : null;

        var contacts = request.Contacts;
        foreach (var contact in contacts)
        {
            if (!contact.IsWildcard)
            {
                continue;
            }

            // §10.3 step 6: "*" only alone and only with Expires: 0.
            if (contacts.Count > 1 || headerExpires != 0)
            {
                return transaction.CreateResponse(400, "Wildcard Contact Needs Expires 0");
            }

            removeAll = true;
            return null;
        }

        var tooBrief = false;
        foreach (var contact in contacts)
        {
            if (contact.Uri is not { } uri)
            {
                // Only a SIP URI can be rung.
                return transaction.CreateResponse(400, "Contact Is Not a SIP URI");
            }

            // §10.2.1.1: the contact's expires parameter, else the Expires header, else the registrar's default.
            var requested = contact.Expires ?? headerExpires ?? _options.DefaultExpires;
            int granted;
            if (requested == 0)
            {
                granted = 0;
            }
            else if (requested < _options.MinExpires)
            {
                tooBrief = true;
                continue;
            }
            else
            {
                // §10.3 step 7: the registrar may shorten an interval, never lengthen it.
                granted = (int)Math.Min(requested, _options.MaxExpires);
            }

            updates.Add(new ContactUpdate(contact.WithoutParameter("expires"), uri, contact.Q, granted));
        }

        if (tooBrief)
        {
            // §10.3 step 7: 423 with the shortest interval accepted; nothing is changed.
            var brief = transaction.CreateResponse(423);
            brief.Headers.Add(MinExpiresHeader, _options.MinExpires.ToString(CultureInfo.InvariantCulture));
            return brief;
        }

        return null;
    }

    // The credentials answering our realm; a request may carry others for proxies on the way (RFC 3261 §22.3).
    private DigestCredentials? FindCredentials(SipRequest request)
    {
        foreach (var value in request.Headers.GetAll(SipHeaderNames.Authorization))
        {
            if (DigestCredentials.TryParse(value, out var credentials, out _)
                && string.Equals(credentials.Realm, _options.Realm, StringComparison.Ordinal)
                && _algorithms.Contains(credentials.Algorithm))
            {
                return credentials;
            }
        }

        return null;
    }

    private SipResponse Challenge(ServerTransaction transaction, bool stale)
    {
        var response = transaction.CreateResponse(401);
        foreach (var challenge in _digest.CreateChallenges(_algorithms, stale))
        {
            response.Headers.Add(SipHeaderNames.WwwAuthenticate, challenge.ToString());
        }

        return response;
    }

    private async ValueTask<DigestSecret?> FindSecretAsync(string username, string realm, DigestAlgorithm algorithm, CancellationToken cancellationToken)
    {
        var account = await _credentials.FindAsync(username, cancellationToken).ConfigureAwait(false);
        return account is not null && string.Equals(account.Username, username, StringComparison.Ordinal)
            ? account.GetSecret(algorithm)
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Extension {Extension} has {Count} registered contact(s) after a REGISTER from {Source}")]
    private static partial void LogBindingsChanged(ILogger logger, string extension, int count, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Extension {Extension} refreshed its registration from {Source}")]
    private static partial void LogRefreshed(ILogger logger, string extension, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Information, Message = "REGISTER as {Username} from {Source} failed authentication: {Outcome}")]
    private static partial void LogAuthenticationFailed(ILogger logger, string username, SipEndPoint source, DigestVerificationOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Address} is locked out of {Scope} for {Duration} after repeated failed authentications")]
    private static partial void LogLockedOut(ILogger logger, IPAddress address, string scope, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a REGISTER from locked-out {Source}")]
    private static partial void LogLockedOutRefused(ILogger logger, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Username} from {Source} may not register {To}")]
    private static partial void LogWrongExtension(ILogger logger, string username, string to, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an out-of-order REGISTER for {Extension} (Call-ID {CallId}, CSeq {CSeq}) from {Source}")]
    private static partial void LogOutOfOrder(ILogger logger, string extension, string callId, uint cSeq, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not send the {StatusCode} to a REGISTER from {Source}")]
    private static partial void LogSendFailed(ILogger logger, int statusCode, SipEndPoint source, Exception exception);
}
