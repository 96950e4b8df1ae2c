using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using CallMyWay.Voice.Telephony.Sip.UserAgent;

namespace CallMyWay.Voice.Web.Calls;

/// <summary>Starts the SIP stack with the host (UDP and TCP listeners, transactions, the desk's user agent) and stops it last.</summary>
public sealed class SipHostedService(SipTransportLayer transport, TransactionLayer transactions, SipUserAgent agent, ILogger<SipHostedService> logger) : IHostedService
{
    public bool IsListening { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await transactions.StartAsync(agent, cancellationToken).ConfigureAwait(false);
        IsListening = true;
        foreach (var endPoint in transport.LocalEndPoints)
        {
            logger.LogInformation("SIP listening on {EndPoint}", endPoint);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IsListening = false;
        await transactions.DisposeAsync().ConfigureAwait(false);
        await transport.DisposeAsync().ConfigureAwait(false);
    }
}
