namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>What could be read of a malformed request: enough to address a 400 (or 416/505/513) to its sender.</summary>
/// <remarks>Pass it to <see cref="SipResponseFactory.CreateResponse(SipPartialRequest, int, string?)"/>.</remarks>
public sealed class SipPartialRequest
{
    internal SipPartialRequest(SipMethod method, SipHeaders headers, IReadOnlyList<ViaHeader> vias)
    {
        Method = method;
        Headers = headers;
        Vias = vias;
    }

    /// <summary>The request method from the request line.</summary>
    public SipMethod Method { get; }

    /// <summary>Every header line that could be read.</summary>
    public SipHeaders Headers { get; }

    /// <summary>The Via values, read leniently (empty elements and parameters skipped); never empty.</summary>
    public IReadOnlyList<ViaHeader> Vias { get; }
}
