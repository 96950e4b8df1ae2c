using System.Globalization;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>Builds responses to requests as a UAS does (RFC 3261 §8.2.6).</summary>
public static class SipResponseFactory
{
    /// <summary>
    /// Creates a response: every Via in order, From, To, Call-ID and CSeq copied from the request
    /// (RFC 3261 §8.2.6.2), Timestamp echoed on 100 (§8.2.6.1), and the To tag added when given and the
    /// request's To has none. A 100 Trying never gets a new To tag.
    /// </summary>
    /// <param name="request">The request answered.</param>
    /// <param name="statusCode">100-699.</param>
    /// <param name="reasonPhrase">The reason phrase; the usual one for the code when null.</param>
    /// <param name="toTag">The UAS's tag (RFC 3261 §19.3), which every response but 100 to a dialog-less request needs.</param>
    public static SipResponse CreateResponse(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (toTag is not null && !SipGrammar.IsToken(toTag))
        {
            throw new ArgumentException($"'{toTag}' is not a token.", nameof(toTag));
        }

        var response = new SipResponse(statusCode, reasonPhrase);
        foreach (var via in request.Headers.GetRawValues(SipHeaderNames.Via))
        {
            response.Headers.Add(SipHeaderNames.Via, via);
        }

        CopyDialogHeaders(request.Headers, response, statusCode, toTag is not null && statusCode != 100 && request.To.Tag is null ? toTag : null);
        return response;
    }

    /// <summary>
    /// Creates a response to a request that failed to parse, usually with <see cref="SipParseError.StatusCode"/>
    /// and <see cref="SipParseError.Reason"/>: the Vias as read, and whichever of From, To, Call-ID and CSeq arrived.
    /// </summary>
    public static SipResponse CreateResponse(SipPartialRequest request, int statusCode, string? reasonPhrase = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new SipResponse(statusCode, reasonPhrase);
        foreach (var via in request.Vias)
        {
            response.Headers.Add(SipHeaderNames.Via, via.ToString());
        }

        CopyDialogHeaders(request.Headers, response, statusCode, toTag: null);
        return response;
    }

    private static void CopyDialogHeaders(SipHeaders source, SipResponse response, int statusCode, string? toTag)
    {
        CopyFirst(source, response, SipHeaderNames.From);
        if (Copyable(source, SipHeaderNames.To) is { } to)
        {
            // Appending keeps the request's To byte for byte, as RFC 3261 §8.2.6.2 wants the URI unchanged.
            response.Headers.Add(SipHeaderNames.To, toTag is null ? to : $"{to};tag={toTag}");
        }

        CopyFirst(source, response, SipHeaderNames.CallId);
        CopyFirst(source, response, SipHeaderNames.CSeq);
        if (statusCode == 100)
        {
            CopyFirst(source, response, SipHeaderNames.Timestamp);
        }
    }

    private static void CopyFirst(SipHeaders source, SipResponse response, string name)
    {
        if (Copyable(source, name) is { } value)
        {
            response.Headers.Add(name, value);
        }
    }

    // Headers built by hand could hold anything; only values that can be written as one line are copied.
    private static string? Copyable(SipHeaders source, string name) =>
        source.GetFirst(name) is { } value && value.AsSpan().IndexOfAny('\r', '\n') < 0 ? value : null;

    /// <summary>The reason phrase a response gets when none is given.</summary>
    public static string GetDefaultReasonPhrase(int statusCode) =>
        statusCode is >= 100 and <= 699
            ? SipReasonPhrases.GetDefault(statusCode)
            : throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode.ToString(CultureInfo.InvariantCulture), "A status code is between 100 and 699.");
}
