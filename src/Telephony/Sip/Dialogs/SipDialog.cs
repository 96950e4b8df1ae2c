using System.Globalization;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.Dialogs;

/// <summary>
/// A SIP dialog (RFC 3261 §12): who is who, where in-dialog requests go, and the sequence numbers in both
/// directions. Built by the UAS from an INVITE it answers (§12.1.1) or by the UAC from a 2xx (§12.1.2).
/// </summary>
public sealed class SipDialog
{
    private readonly object _gate = new();
    private uint _localSequence;

    private SipDialog(DialogId id, NameAddress localParty, NameAddress remoteParty, SipUri remoteTarget, IReadOnlyList<NameAddress> routeSet, uint localSequence, uint? remoteSequence, SipEndPoint remoteEndPoint, SipUri localContact)
    {
        Id = id;
        LocalParty = localParty;
        RemoteParty = remoteParty;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        _localSequence = localSequence;
        RemoteSequence = remoteSequence;
        RemoteEndPoint = remoteEndPoint;
        LocalContact = localContact;
    }

    public DialogId Id { get; }
    public NameAddress LocalParty { get; }
    public NameAddress RemoteParty { get; }
    public SipUri RemoteTarget { get; private set; }
    public IReadOnlyList<NameAddress> RouteSet { get; }
    public uint? RemoteSequence { get; private set; }
    public SipUri LocalContact { get; }

    /// <summary>
    /// Where in-dialog requests are sent: the peer's packet source (symmetric signalling, as for phones behind NAT),
    /// since no proxy sits between the desk and its peers.
    /// </summary>
    public SipEndPoint RemoteEndPoint { get; private set; }

    /// <summary>The dialog a UAS creates by answering <paramref name="invite"/> with <paramref name="localTag"/> (RFC 3261 §12.1.1).</summary>
    public static SipDialog ForServer(SipRequest invite, string localTag, SipEndPoint source, SipUri localContact)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var remoteTarget = invite.Contacts.Count > 0 && invite.Contacts[0].Uri is { } contact ? contact : invite.From.Uri ?? invite.RequestUri;
        return new SipDialog(
            new DialogId(invite.CallId, localTag, invite.From.Tag ?? string.Empty),
            invite.To.WithTag(localTag),
            invite.From,
            remoteTarget,
            [.. invite.RecordRoutes],
            (uint)Random.Shared.Next(1, 1 << 30),
            invite.CSeq.Number,
            source,
            localContact);
    }

    /// <summary>
    /// The dialog a UAC creates from a response with a To tag to the <paramref name="invite"/> it sent (RFC 3261
    /// §12.1.2): the route set is the response's Record-Route in reverse order, the remote target its Contact, and
    /// the local sequence number the INVITE's, so that the next request counts on from it.
    /// </summary>
    /// <param name="invite">The INVITE as sent (the one that got the response, after any authentication retry).</param>
    /// <param name="response">A 2xx, or a 1xx with a To tag for an early dialog.</param>
    /// <param name="destination">Where in-dialog requests go: where the INVITE went (see <see cref="RemoteEndPoint"/>).</param>
    /// <param name="localContact">Our Contact, sent in the INVITE.</param>
    public static SipDialog ForClient(SipRequest invite, SipResponse response, SipEndPoint destination, SipUri localContact)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(response);
        var remoteTag = response.To.Tag ?? throw new ArgumentException("A response without a To tag creates no dialog (RFC 3261 §12.1.2).", nameof(response));
        var routeSet = new List<NameAddress>(response.RecordRoutes);
        routeSet.Reverse();

        // A response without a Contact (a 1xx may lack one) leaves the Request-URI as the target until a later one names it.
        var remoteTarget = response.Contacts.Count > 0 && response.Contacts[0].Uri is { } contact ? contact : invite.RequestUri;
        return new SipDialog(
            new DialogId(invite.CallId, invite.From.Tag ?? string.Empty, remoteTag),
            invite.From,
            response.To,
            remoteTarget,
            routeSet,
            invite.CSeq.Number,
            null,
            destination,
            localContact);
    }

    /// <summary>Checks the order of a request from the peer (RFC 3261 §12.2.2): lower CSeq numbers are out of order.</summary>
    public bool AcceptRemoteSequence(uint sequence)
    {
        lock (_gate)
        {
            if (RemoteSequence is { } last && sequence <= last)
            {
                return false;
            }

            RemoteSequence = sequence;
            return true;
        }
    }

    /// <summary>A target refresh (re-INVITE, UPDATE) may move the peer (RFC 3261 §12.2.2).</summary>
    public void RefreshTarget(SipRequest request, SipEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Contacts.Count > 0 && request.Contacts[0].Uri is { } contact)
        {
            RemoteTarget = contact;
        }

        RemoteEndPoint = source;
    }

    /// <summary>
    /// The ACK for a 2xx to the INVITE numbered <paramref name="inviteSequence"/> (RFC 3261 §13.2.2.4): built as a
    /// request within the dialog, but with the INVITE's CSeq number, which it does not consume. It has no Via yet;
    /// <see cref="Transactions.TransactionLayer.SendAckAsync"/> gives it one with a new branch.
    /// </summary>
    public SipRequest CreateAck(uint inviteSequence)
    {
        var headers = new SipHeaders();
        headers.Add(SipHeaderNames.From, LocalParty.ToString());
        headers.Add(SipHeaderNames.To, RemoteParty.ToString());
        headers.Add(SipHeaderNames.CallId, Id.CallId);
        headers.Add(SipHeaderNames.CSeq, inviteSequence.ToString(CultureInfo.InvariantCulture) + " " + SipMethod.Ack.Name);
        headers.Add(SipHeaderNames.MaxForwards, "70");
        foreach (var route in RouteSet)
        {
            headers.Add(SipHeaderNames.Route, route.ToString());
        }

        return new SipRequest(SipMethod.Ack, RemoteTarget, headers);
    }

    /// <summary>A new request within the dialog (RFC 3261 §12.2.1.1).</summary>
    public SipRequest CreateRequest(SipMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        uint sequence;
        lock (_gate)
        {
            sequence = ++_localSequence;
        }

        var headers = new SipHeaders();
        headers.Add(SipHeaderNames.From, LocalParty.ToString());
        headers.Add(SipHeaderNames.To, RemoteParty.ToString());
        headers.Add(SipHeaderNames.CallId, Id.CallId);
        headers.Add(SipHeaderNames.CSeq, sequence.ToString(CultureInfo.InvariantCulture) + " " + method.Name);
        headers.Add(SipHeaderNames.MaxForwards, "70");
        foreach (var route in RouteSet)
        {
            headers.Add(SipHeaderNames.Route, route.ToString());
        }

        headers.Add(SipHeaderNames.Contact, "<" + LocalContact + ">");

        // Loose routing (§12.2.1.1): the Request-URI is the remote target unless the first route is a strict router.
        var requestUri = RemoteTarget;
        return new SipRequest(method, requestUri, headers);
    }
}
