using System.Globalization;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>Typed reads and writes over a list of <c>a=</c> lines that keep the list's order and unknown entries.</summary>
internal static class AttributeListExtensions
{
    public static SdpAttribute? Find(this IList<SdpAttribute> attributes, string name)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return attributes[i];
            }
        }

        return null;
    }

    /// <summary>Replaces the first attribute of that name in place (dropping any others), or appends it.</summary>
    public static void Set(this IList<SdpAttribute> attributes, string name, string? value)
    {
        var index = attributes.Remove(name);
        var attribute = new SdpAttribute(name, value);
        if (index < 0)
        {
            attributes.Add(attribute);
        }
        else
        {
            attributes.Insert(index, attribute);
        }
    }

    /// <summary>Removes every attribute of that name; returns where the first one was, or -1.</summary>
    public static int Remove(this IList<SdpAttribute> attributes, string name)
    {
        var first = -1;
        for (var i = attributes.Count - 1; i >= 0; i--)
        {
            if (attributes[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                attributes.RemoveAt(i);
                first = i;
            }
        }

        return first;
    }

    public static int? GetInt(this IList<SdpAttribute> attributes, string name)
    {
        var value = attributes.Find(name)?.Value;

        // A malformed value counts as absent: the attribute is only a hint (RFC 8866 §6.4).
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    public static void SetInt(this IList<SdpAttribute> attributes, string name, int? value)
    {
        if (value is null)
        {
            attributes.Remove(name);
        }
        else
        {
            attributes.Set(name, value.Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static void SetFlag(this IList<SdpAttribute> attributes, string name, bool present)
    {
        if (!present)
        {
            attributes.Remove(name);
        }
        else if (attributes.Find(name) is null)
        {
            attributes.Add(new SdpAttribute(name));
        }
    }

    public static MediaDirection? GetDirection(this IList<SdpAttribute> attributes)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Value is null
                && MediaDirectionExtensions.TryParseAttributeName(attributes[i].Name, out var direction))
            {
                return direction;
            }
        }

        return null;
    }

    /// <summary>Writes one direction attribute in place of the first existing one, removing the rest.</summary>
    public static void SetDirection(this IList<SdpAttribute> attributes, MediaDirection? direction)
    {
        var index = -1;
        for (var i = attributes.Count - 1; i >= 0; i--)
        {
            if (attributes[i].Value is null && MediaDirectionExtensions.TryParseAttributeName(attributes[i].Name, out _))
            {
                attributes.RemoveAt(i);
                index = i;
            }
        }

        if (direction is null)
        {
            return;
        }

        var attribute = new SdpAttribute(direction.Value.ToAttributeName());
        if (index < 0)
        {
            attributes.Add(attribute);
        }
        else
        {
            attributes.Insert(index, attribute);
        }
    }
}
