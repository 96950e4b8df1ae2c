using System.Buffers;
using System.Globalization;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>What requests and responses share: headers, body and typed views of the headers every
/// transaction and dialog reads (RFC 3261 §7).</summary>
/// <remarks>
/// The typed accessors parse on first use and are cached until the headers change. A message from
/// <see cref="SipParser"/> has had them all checked, so they do not throw; on a message built or edited by
/// hand a missing or malformed header raises <see cref="InvalidOperationException"/>, which is a bug.
/// </remarks>
public abstract class SipMessage
{
    private int _cacheVersion = -1;
    private IReadOnlyList<ViaHeader>? _vias;
    private NameAddress? _from;
    private NameAddress? _to;
    private CSeq? _cseq;
    private IReadOnlyList<NameAddress>? _contacts;
    private IReadOnlyList<NameAddress>? _routes;
    private IReadOnlyList<NameAddress>? _recordRoutes;

    private protected SipMessage(SipHeaders? headers, ReadOnlyMemory<byte> body)
    {
        Headers = headers ?? new SipHeaders();
        Body = body;
    }

    /// <summary>The protocol version; only SIP/2.0 is spoken.</summary>
    public string Version => "SIP/2.0";

    /// <summary>The header fields in order.</summary>
    public SipHeaders Headers { get; }

    /// <summary>The message body; Content-Length is derived from it when the message is written.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>The body length, which is what Content-Length says on the wire.</summary>
    public int ContentLength => Body.Length;

    /// <summary>Every Via value in order, top first, across comma lists and repeated lines.</summary>
    public IReadOnlyList<ViaHeader> Vias
    {
        get
        {
            Refresh();
            return _vias ??= ParseVias(Headers, SipHeaderNames.Via);
        }
    }

    /// <summary>The From header.</summary>
    public NameAddress From
    {
        get
        {
            Refresh();
            return _from ??= ParseSingle(SipHeaderNames.From);
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Headers.Set(SipHeaderNames.From, value.ToString());
        }
    }

    /// <summary>The To header.</summary>
    public NameAddress To
    {
        get
        {
            Refresh();
            return _to ??= ParseSingle(SipHeaderNames.To);
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Headers.Set(SipHeaderNames.To, value.ToString());
        }
    }

    /// <summary>The Call-ID.</summary>
    public string CallId
    {
        get => Headers.GetFirst(SipHeaderNames.CallId) ?? throw Missing(SipHeaderNames.CallId);
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            if (!IsValidCallId(value))
            {
                throw new ArgumentException($"'{value}' is not a valid Call-ID.", nameof(value));
            }

            Headers.Set(SipHeaderNames.CallId, value);
        }
    }

    /// <summary>The CSeq header.</summary>
    public CSeq CSeq
    {
        get
        {
            Refresh();
            if (_cseq is null)
            {
                var text = Headers.GetFirst(SipHeaderNames.CSeq) ?? throw Missing(SipHeaderNames.CSeq);
                _cseq = CSeq.TryParse(text, out var cseq) ? cseq : throw Malformed(SipHeaderNames.CSeq, text);
            }

            return _cseq;
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Headers.Set(SipHeaderNames.CSeq, value.ToString());
        }
    }

    /// <summary>Max-Forwards, or null when absent (RFC 2543 peers omit it; RFC 3261 §8.1.1.6 requires it).</summary>
    public int? MaxForwards
    {
        get
        {
            var text = Headers.GetFirst(SipHeaderNames.MaxForwards);
            if (text is null)
            {
                return null;
            }

            return SipGrammar.TryParseBoundedNumber(text, 255, out var hops) ? (int)hops : throw Malformed(SipHeaderNames.MaxForwards, text);
        }

        set
        {
            if (value is null)
            {
                Headers.Remove(SipHeaderNames.MaxForwards);
                return;
            }

            ArgumentOutOfRangeException.ThrowIfNegative(value.Value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Value, 255);
            Headers.Set(SipHeaderNames.MaxForwards, value.Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Every Contact value in order; may hold the wildcard <c>*</c> in a REGISTER.</summary>
    public IReadOnlyList<NameAddress> Contacts
    {
        get
        {
            Refresh();
            return _contacts ??= ParseAddressList(SipHeaderNames.Contact);
        }
    }

    /// <summary>Every Route value in order.</summary>
    public IReadOnlyList<NameAddress> Routes
    {
        get
        {
            Refresh();
            return _routes ??= ParseAddressList(SipHeaderNames.Route);
        }
    }

    /// <summary>Every Record-Route value in order.</summary>
    public IReadOnlyList<NameAddress> RecordRoutes
    {
        get
        {
            Refresh();
            return _recordRoutes ??= ParseAddressList(SipHeaderNames.RecordRoute);
        }
    }

    /// <summary>The Content-Type value (media type and parameters), or null.</summary>
    public string? ContentType
    {
        get => Headers.GetFirst(SipHeaderNames.ContentType);
        set
        {
            if (value is null)
            {
                Headers.Remove(SipHeaderNames.ContentType);
            }
            else
            {
                Headers.Set(SipHeaderNames.ContentType, value);
            }
        }
    }

    /// <summary>Replaces the top Via value, for example to add <c>received</c> and <c>rport</c> on arrival
    /// (RFC 3261 §18.2.1, RFC 3581 §4); other values sharing its header line are kept.</summary>
    public void ReplaceTopVia(ViaHeader via)
    {
        ArgumentNullException.ThrowIfNull(via);
        var index = Headers.IndexOf(SipHeaderNames.Via, 0);
        if (index < 0)
        {
            throw Missing(SipHeaderNames.Via);
        }

        var elements = new List<string>();
        SipHeaderValueSplitter.Split(Headers[index].Value, elements, keepEmpty: false);
        elements[0] = via.ToString();
        Headers.ReplaceAt(index, string.Join(", ", elements));
    }

    /// <summary>Writes the message to a buffer (see <see cref="SipSerializer"/>).</summary>
    public void WriteTo(IBufferWriter<byte> writer) => SipSerializer.Write(this, writer);

    /// <summary>The message as it goes on the wire.</summary>
    public byte[] ToBytes() => SipSerializer.ToBytes(this);

    /// <summary>The message as text (body decoded as UTF-8), for logs and tests.</summary>
    public override string ToString() => Encoding.UTF8.GetString(ToBytes());

    /// <summary>Lets the parser hand over what it already parsed while validating.</summary>
    internal void PrimeCache(IReadOnlyList<ViaHeader> vias, NameAddress from, NameAddress to, CSeq cseq, IReadOnlyList<NameAddress> contacts, IReadOnlyList<NameAddress> routes, IReadOnlyList<NameAddress> recordRoutes)
    {
        Refresh();
        _vias = vias;
        _from = from;
        _to = to;
        _cseq = cseq;
        _contacts = contacts;
        _routes = routes;
        _recordRoutes = recordRoutes;
    }

    internal static bool IsValidCallId(ReadOnlySpan<char> value)
    {
        // RFC 3261 §25.1: callid = word [ "@" word ]
        var at = value.IndexOf('@');
        return at < 0 ? SipGrammar.IsWord(value) : SipGrammar.IsWord(value[..at]) && SipGrammar.IsWord(value[(at + 1)..]);
    }

    internal static IReadOnlyList<ViaHeader> ParseVias(SipHeaders headers, string name)
    {
        var vias = new List<ViaHeader>();
        foreach (var value in headers.GetRawValues(name))
        {
            if (!ViaHeader.TryParseList(value, lenient: false, vias))
            {
                throw Malformed(name, value);
            }
        }

        return vias;
    }

    private void Refresh()
    {
        if (_cacheVersion == Headers.Version)
        {
            return;
        }

        _vias = null;
        _from = null;
        _to = null;
        _cseq = null;
        _contacts = null;
        _routes = null;
        _recordRoutes = null;
        _cacheVersion = Headers.Version;
    }

    private NameAddress ParseSingle(string name)
    {
        var text = Headers.GetFirst(name) ?? throw Missing(name);
        return NameAddress.TryParse(text, out var address) && !address.IsWildcard ? address : throw Malformed(name, text);
    }

    private IReadOnlyList<NameAddress> ParseAddressList(string name) =>
        TryParseAddressList(Headers, name, out var addresses, out var bad) ? addresses : throw Malformed(name, bad!);

    internal static bool TryParseAddressList(SipHeaders headers, string name, out IReadOnlyList<NameAddress> addresses, out string? bad)
    {
        var list = new List<NameAddress>();
        addresses = list;
        bad = null;
        var elements = new List<string>();
        foreach (var value in headers.GetRawValues(name))
        {
            elements.Clear();
            SipHeaderValueSplitter.Split(value, elements, keepEmpty: true);
            foreach (var element in elements)
            {
                if (!NameAddress.TryParse(element, out var address)
                    || (address.IsWildcard && !string.Equals(name, SipHeaderNames.Contact, StringComparison.Ordinal)))
                {
                    bad = value;
                    return false;
                }

                list.Add(address);
            }
        }

        // RFC 3261 §20.10: the wildcard stands alone.
        if (list.Count > 1 && list.Exists(address => address.IsWildcard))
        {
            bad = "*";
            return false;
        }

        return true;
    }

    private static InvalidOperationException Missing(string name) => new($"The message has no {name} header.");

    private static InvalidOperationException Malformed(string name, string value) => new($"The {name} header '{value}' is malformed.");
}
