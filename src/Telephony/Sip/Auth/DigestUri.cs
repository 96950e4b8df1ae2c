namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>Compares a digest-uri with the Request-URI (RFC 2617 §3.2.2.5).</summary>
internal static class DigestUri
{
    /// <summary>
    /// Equal, ignoring case where SIP URI comparison does (RFC 3261 §19.1.4): the scheme, the host and the
    /// parameters; the user part stays case-sensitive. A full §19.1.4 comparison is not needed here, because
    /// the client hashed the digest-uri it copied from the Request-URI it sent.
    /// </summary>
    public static bool Matches(ReadOnlySpan<char> digestUri, ReadOnlySpan<char> requestUri)
    {
        if (digestUri.SequenceEqual(requestUri))
        {
            return true;
        }

        var digestColon = digestUri.IndexOf(':');
        var requestColon = requestUri.IndexOf(':');
        if (digestColon < 0 || requestColon < 0
            || !digestUri[..digestColon].Equals(requestUri[..requestColon], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var digestRest = digestUri[(digestColon + 1)..];
        var requestRest = requestUri[(requestColon + 1)..];
        var digestAt = UserPartEnd(digestRest);
        var requestAt = UserPartEnd(requestRest);
        if (digestAt != requestAt || !digestRest[..digestAt].SequenceEqual(requestRest[..requestAt]))
        {
            return false;
        }

        return digestRest[digestAt..].Equals(requestRest[requestAt..], StringComparison.OrdinalIgnoreCase);
    }

    // The index just past "user@", or 0 without a user part; an '@' after ';' or '?' belongs to a parameter.
    private static int UserPartEnd(ReadOnlySpan<char> rest)
    {
        var at = rest.IndexOf('@');
        if (at < 0)
        {
            return 0;
        }

        var parameters = rest.IndexOfAny(';', '?');
        return parameters >= 0 && parameters < at ? 0 : at + 1;
    }
}
