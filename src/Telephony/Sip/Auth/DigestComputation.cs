namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>The digest formulas of RFC 7616 §3.4 (and RFC 2617 §3.2.2, RFC 2069 without qop), shared by client and server.</summary>
/// <remarks>Every result is lowercase hex written to a caller's span of at least <see cref="DigestAlgorithm.MaxHexLength"/> chars.</remarks>
internal static class DigestComputation
{
    /// <summary>HA1 = H(username ":" realm ":" password), RFC 7616 §3.4.2.</summary>
    public static void WriteHa1(
        DigestAlgorithm algorithm,
        ReadOnlySpan<char> username,
        ReadOnlySpan<char> realm,
        ReadOnlySpan<char> password,
        Span<char> destination)
    {
        var input = new DigestInput(username.Length + realm.Length + password.Length + 2);
        try
        {
            input.Part(username);
            input.Part(realm);
            input.Part(password);
            input.HashInto(algorithm, destination);
        }
        finally
        {
            input.Dispose();
        }
    }

    /// <summary>
    /// The response (RFC 7616 §3.4.1) from the per-user HA1. For a "-sess" algorithm the session HA1 is
    /// H(HA1 ":" nonce ":" cnonce) first (RFC 7616 §3.4.2). An empty <paramref name="qop"/> gives the RFC 2069
    /// form H(HA1 ":" nonce ":" HA2) that RFC 3261 §22.4 keeps for backwards compatibility.
    /// </summary>
    public static void WriteResponse(
        DigestAlgorithm algorithm,
        ReadOnlySpan<char> ha1,
        ReadOnlySpan<char> nonce,
        ReadOnlySpan<char> nonceCount,
        ReadOnlySpan<char> cnonce,
        ReadOnlySpan<char> qop,
        ReadOnlySpan<char> method,
        ReadOnlySpan<char> digestUri,
        ReadOnlySpan<byte> body,
        Span<char> destination)
    {
        var hexLength = algorithm.HexLength;
        Span<char> sessionHa1 = stackalloc char[DigestAlgorithm.MaxHexLength];
        Span<char> bodyHash = stackalloc char[DigestAlgorithm.MaxHexLength];
        Span<char> ha2 = stackalloc char[DigestAlgorithm.MaxHexLength];
        scoped var sessionKey = ha1;
        var input = new DigestInput(ha1.Length + nonce.Length + cnonce.Length + method.Length + digestUri.Length + 64);
        try
        {
            if (algorithm.IsSession)
            {
                input.Part(ha1);
                input.Part(nonce);
                input.Part(cnonce);
                input.HashInto(algorithm, sessionHa1);
                sessionKey = sessionHa1[..hexLength];
            }

            input.Part(method);
            input.Part(digestUri);

            // RFC 7616 §3.4.3: with qop=auth-int, A2 also covers H(entity-body).
            if (qop.Equals("auth-int", StringComparison.OrdinalIgnoreCase))
            {
                algorithm.HashHex(body, bodyHash);
                input.Part(bodyHash[..hexLength]);
            }

            input.HashInto(algorithm, ha2);

            input.Part(sessionKey);
            input.Part(nonce);
            if (!qop.IsEmpty)
            {
                input.Part(nonceCount);
                input.Part(cnonce);
                input.Part(qop);
            }

            input.Part(ha2[..hexLength]);
            input.HashInto(algorithm, destination);
        }
        finally
        {
            input.Dispose();
        }
    }
}
