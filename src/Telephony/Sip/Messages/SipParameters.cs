using System.Collections;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>An immutable, ordered list of <c>;name=value</c> parameters with case-insensitive lookup.</summary>
public sealed class SipParameters : IReadOnlyList<SipParameter>
{
    private readonly SipParameter[] _items;

    private SipParameters(SipParameter[] items) => _items = items;

    /// <summary>No parameters.</summary>
    public static SipParameters Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public SipParameter this[int index] => _items[index];

    /// <summary>Creates a list from parameters in order.</summary>
    public static SipParameters Create(IEnumerable<SipParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var items = parameters.ToArray();
        return items.Length == 0 ? Empty : new SipParameters(items);
    }

    internal static SipParameters FromList(List<SipParameter>? items) =>
        items is null || items.Count == 0 ? Empty : new SipParameters([.. items]);

    /// <summary>Whether a parameter with this name is present (flag or valued).</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Finds a parameter; <paramref name="value"/> is null for a flag parameter.</summary>
    public bool TryGetValue(string name, out string? value)
    {
        var index = IndexOf(name);
        value = index >= 0 ? _items[index].Value : null;
        return index >= 0;
    }

    /// <summary>The value of a parameter, or null when it is absent or a flag.</summary>
    public string? GetValue(string name)
    {
        var index = IndexOf(name);
        return index >= 0 ? _items[index].Value : null;
    }

    /// <summary>Returns a list where <paramref name="name"/> has this value, replacing it in place or appending it.</summary>
    public SipParameters With(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!SipGrammar.IsToken(name) && !SipGrammar.IsValidParamText(name))
        {
            throw new ArgumentException($"'{name}' is not a valid parameter name.", nameof(name));
        }

        if (value is not null && !SipGrammar.IsValidParameterValue(value))
        {
            throw new ArgumentException($"'{value}' is not a valid parameter value; quote it if it has to hold spaces or separators.", nameof(value));
        }

        var index = IndexOf(name);
        SipParameter[] items;
        if (index >= 0)
        {
            items = (SipParameter[])_items.Clone();
            items[index] = new SipParameter(items[index].Name, value);
        }
        else
        {
            items = [.. _items, new SipParameter(name, value)];
        }

        return new SipParameters(items);
    }

    /// <summary>Returns a list without any parameter of that name.</summary>
    public SipParameters Without(string name)
    {
        if (IndexOf(name) < 0)
        {
            return this;
        }

        var items = new List<SipParameter>(_items.Length);
        foreach (var item in _items)
        {
            if (!NameEquals(item.Name, name))
            {
                items.Add(item);
            }
        }

        return FromList(items);
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (NameEquals(_items[i].Name, name))
            {
                return i;
            }
        }

        return -1;
    }

    // Parameter names are case-insensitive; URI parameter names may also arrive escaped (RFC 4475 §3.1.1.3).
    private static bool NameEquals(string written, string wanted) =>
        string.Equals(written, wanted, StringComparison.OrdinalIgnoreCase)
        || (written.Contains('%', StringComparison.Ordinal)
            && string.Equals(SipGrammar.Unescape(written), wanted, StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes the list as <c>;a=b;c</c>.</summary>
    public override string ToString()
    {
        if (_items.Length == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    internal void AppendTo(StringBuilder builder)
    {
        foreach (var item in _items)
        {
            builder.Append(';').Append(item.Name);
            if (item.Value is not null)
            {
                builder.Append('=').Append(item.Value);
            }
        }
    }

    /// <inheritdoc />
    public IEnumerator<SipParameter> GetEnumerator() => ((IEnumerable<SipParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
