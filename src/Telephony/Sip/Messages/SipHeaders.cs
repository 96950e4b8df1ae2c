using System.Collections;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>
/// The header fields of a message in wire order, looked up case-insensitively; names are stored in canonical
/// form, so <c>v</c>, <c>VIA</c> and <c>Via</c> are all <c>Via</c>.
/// </summary>
public sealed class SipHeaders : IReadOnlyList<SipHeader>
{
    private readonly List<SipHeader> _items;

    /// <summary>Creates an empty list.</summary>
    public SipHeaders() => _items = [];

    /// <summary>Creates a list holding these headers, names canonicalized and values checked.</summary>
    public SipHeaders(IEnumerable<SipHeader> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _items = [];
        foreach (var header in headers)
        {
            Add(header.Name, header.Value);
        }
    }

    private SipHeaders(List<SipHeader> items) => _items = items;

    /// <summary>Changes whenever the list changes, so that messages can cache typed views of it.</summary>
    internal int Version { get; private set; }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public SipHeader this[int index] => _items[index];

    /// <summary>Whether at least one header of this name is present.</summary>
    public bool Contains(string name) => IndexOf(name, 0) >= 0;

    /// <summary>The number of header lines with this name.</summary>
    public int CountOf(string name)
    {
        var count = 0;
        for (var index = IndexOf(name, 0); index >= 0; index = IndexOf(name, index + 1))
        {
            count++;
        }

        return count;
    }

    /// <summary>The first value: for a list header the first list element, otherwise the first line's value.</summary>
    public string? GetFirst(string name)
    {
        name = SipHeaderNames.Canonicalize(name);
        if (!SipHeaderNames.IsList(name))
        {
            var index = IndexOf(name, 0);
            return index >= 0 ? _items[index].Value : null;
        }

        var all = GetAll(name);
        return all.Count > 0 ? all[0] : null;
    }

    /// <summary>
    /// Every value in order: list headers (Via, Contact, Route, Allow, ...) are split at the commas that are not
    /// inside quotes or angle brackets; other headers (Date, the authentication headers, unknown ones) give one
    /// value per line.
    /// </summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        name = SipHeaderNames.Canonicalize(name);
        var split = SipHeaderNames.IsList(name);
        var result = new List<string>();
        for (var index = IndexOf(name, 0); index >= 0; index = IndexOf(name, index + 1))
        {
            if (split)
            {
                SipHeaderValueSplitter.Split(_items[index].Value, result, keepEmpty: false);
            }
            else
            {
                result.Add(_items[index].Value);
            }
        }

        return result;
    }

    /// <summary>The values of the header lines with this name, one per line, unsplit.</summary>
    public IReadOnlyList<string> GetRawValues(string name)
    {
        var result = new List<string>();
        for (var index = IndexOf(name, 0); index >= 0; index = IndexOf(name, index + 1))
        {
            result.Add(_items[index].Value);
        }

        return result;
    }

    /// <summary>Appends a header line.</summary>
    public void Add(string name, string value) => Insert(_items.Count, name, value);

    /// <summary>Inserts a header line before the first one of the same name, or at the top when there is none
    /// (how a Via or Record-Route is pushed).</summary>
    public void Prepend(string name, string value)
    {
        var index = IndexOf(name, 0);
        Insert(index >= 0 ? index : 0, name, value);
    }

    /// <summary>Inserts a header line at a position.</summary>
    public void Insert(int index, string name, string value)
    {
        var header = Validate(name, value);
        _items.Insert(index, header);
        Version++;
    }

    /// <summary>Makes <paramref name="value"/> the only value of the header: the first line of that name is
    /// replaced in place and the others removed; the header is appended when absent.</summary>
    public void Set(string name, string value)
    {
        var header = Validate(name, value);
        var first = IndexOf(header.Name, 0);
        if (first < 0)
        {
            _items.Add(header);
        }
        else
        {
            _items[first] = header;
            for (var index = IndexOf(header.Name, first + 1); index >= 0; index = IndexOf(header.Name, index))
            {
                _items.RemoveAt(index);
            }
        }

        Version++;
    }

    /// <summary>Removes every line of this header and returns how many there were.</summary>
    public int Remove(string name)
    {
        name = SipHeaderNames.Canonicalize(name);
        var removed = _items.RemoveAll(header => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase));
        if (removed > 0)
        {
            Version++;
        }

        return removed;
    }

    /// <summary>Removes the header line at a position.</summary>
    public void RemoveAt(int index)
    {
        _items.RemoveAt(index);
        Version++;
    }

    /// <summary>A deep copy (headers are immutable values, so a copy of the list suffices).</summary>
    public SipHeaders Clone() => new([.. _items]);

    /// <summary>Adds a line read by the parser, whose name is already canonical and value already checked.</summary>
    internal void AddParsed(string canonicalName, string value) => _items.Add(new SipHeader(canonicalName, value));

    /// <summary>Replaces the value of the line at a position.</summary>
    internal void ReplaceAt(int index, string value)
    {
        _items[index] = Validate(_items[index].Name, value);
        Version++;
    }

    internal int IndexOf(string name, int start)
    {
        name = SipHeaderNames.Canonicalize(name);
        for (var i = start; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    // A CR or LF in a value would inject header lines; names must be tokens (RFC 3261 §7.3.1).
    private static SipHeader Validate(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!SipGrammar.IsToken(name))
        {
            throw new ArgumentException($"'{name}' is not a valid header name.", nameof(name));
        }

        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("A header value cannot contain CR or LF.", nameof(value));
        }

        return new SipHeader(SipHeaderNames.Canonicalize(name), value.Trim(' ', '\t'));
    }

    /// <inheritdoc />
    public IEnumerator<SipHeader> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
