using System.Collections.Concurrent;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

/// <summary>A TU that records what the layer hands it and answers requests as the test says.</summary>
internal sealed class RecordingTransactionUser : ISipTransactionUser
{
    public ConcurrentQueue<ServerTransaction> Requests { get; } = new();

    public ConcurrentQueue<SipRequest> Acks { get; } = new();

    public ConcurrentQueue<(ServerInviteTransaction Transaction, SipRequest Cancel)> Cancels { get; } = new();

    public ConcurrentQueue<SipResponse> StraySuccesses { get; } = new();

    /// <summary>What to do with a new request; nothing by default (the test answers later).</summary>
    public Func<ServerTransaction, ValueTask>? OnRequest { get; set; }

    /// <summary>What to do on a CANCEL; nothing by default.</summary>
    public Func<ServerInviteTransaction, ValueTask>? OnCancel { get; set; }

    public ServerTransaction LastRequest => Requests.Last();

    public async ValueTask OnRequestAsync(ServerTransaction transaction)
    {
        Requests.Enqueue(transaction);
        if (OnRequest is not null)
        {
            await OnRequest(transaction);
        }
    }

    public ValueTask OnAckAsync(SipRequest ack, SipEndPoint source)
    {
        Acks.Enqueue(ack);
        return ValueTask.CompletedTask;
    }

    public async ValueTask OnCancelAsync(ServerInviteTransaction transaction, SipRequest cancel)
    {
        Cancels.Enqueue((transaction, cancel));
        if (OnCancel is not null)
        {
            await OnCancel(transaction);
        }
    }

    public ValueTask OnStrayInviteSuccessAsync(SipResponse response, SipEndPoint source)
    {
        StraySuccesses.Enqueue(response);
        return ValueTask.CompletedTask;
    }
}
