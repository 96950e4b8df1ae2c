using System.Buffers;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>
/// Cuts SIP messages out of a TCP/TLS byte stream: headers up to the empty line, then exactly Content-Length
/// bytes of body, which is mandatory on streams (RFC 3261 §18.3). Line breaks between messages are
/// keep-alives (RFC 5626 §3.5.1). Stateless, so one instance serves every connection.
/// </summary>
/// <example>
/// <code>
/// var frame = framer.Read(buffer);
/// switch (frame.Status)
/// {
///     case SipFrameStatus.Message: SipParser.TryParse(frame.Message, options, out var message, out var error); break;
///     case SipFrameStatus.KeepAlive: if (frame.PongRequired) { /* send "\r\n" */ } break;
///     case SipFrameStatus.Error: /* close the connection */ break;
/// }
/// reader.AdvanceTo(frame.Consumed, frame.Examined);
/// </code>
/// </example>
public sealed class SipStreamFramer
{
    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';

    /// <summary>Creates a framer that refuses messages larger than <paramref name="maxMessageSize"/> bytes.</summary>
    public SipStreamFramer(int maxMessageSize = SipParserOptions.DefaultMaxMessageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageSize);
        MaxMessageSize = maxMessageSize;
    }

    /// <summary>The largest message, headers and body, that will be framed.</summary>
    public int MaxMessageSize { get; }

    /// <summary>Looks at the start of <paramref name="buffer"/> for one keep-alive or one whole message.</summary>
    public SipFrameResult Read(in ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        var lineBreaks = 0;
        while (reader.TryPeek(out var b))
        {
            if (b == LF)
            {
                reader.Advance(1);
                lineBreaks++;
            }
            else if (b == CR && reader.TryPeek(1, out var next) && next == LF)
            {
                reader.Advance(2);
                lineBreaks++;
            }
            else
            {
                break;
            }
        }

        var loneCarriageReturn = reader.Remaining == 1 && reader.TryPeek(out var last) && last == CR;
        if (reader.End || loneCarriageReturn)
        {
            // A single CRLF may be the first half of a ping: wait for the rest before deciding.
            return lineBreaks >= 2
                ? new SipFrameResult(SipFrameStatus.KeepAlive, default, reader.Position, reader.Position, pongRequired: true, null)
                : NeedMoreData(buffer);
        }

        if (lineBreaks > 0)
        {
            return new SipFrameResult(SipFrameStatus.KeepAlive, default, reader.Position, reader.Position, pongRequired: lineBreaks >= 2, null);
        }

        var headerLength = FindEndOfHeaders(buffer, MaxMessageSize);
        if (headerLength < 0)
        {
            return buffer.Length > MaxMessageSize
                ? Failure(buffer, new SipParseError(SipParseErrorKind.MessageTooLarge, $"No end of headers within {MaxMessageSize} bytes"))
                : NeedMoreData(buffer);
        }

        var lengthError = ReadContentLength(buffer.Slice(0, headerLength), out var contentLength);
        if (lengthError is not null)
        {
            return Failure(buffer, lengthError);
        }

        var total = headerLength + contentLength;
        if (total > MaxMessageSize)
        {
            return Failure(buffer, new SipParseError(SipParseErrorKind.MessageTooLarge, $"Message of {total} bytes exceeds the {MaxMessageSize}-byte limit", SipHeaderNames.ContentLength));
        }

        if (buffer.Length < total)
        {
            return NeedMoreData(buffer);
        }

        var message = buffer.Slice(0, total);
        return new SipFrameResult(SipFrameStatus.Message, message, message.End, message.End, pongRequired: false, null);
    }

    private static SipFrameResult NeedMoreData(in ReadOnlySequence<byte> buffer) =>
        new(SipFrameStatus.NeedMoreData, default, buffer.Start, buffer.End, pongRequired: false, null);

    private static SipFrameResult Failure(in ReadOnlySequence<byte> buffer, SipParseError error) =>
        new(SipFrameStatus.Error, default, buffer.Start, buffer.End, pongRequired: false, error);

    /// <summary>The length up to and including the empty line (CRLF CRLF, or LF LF), or -1.</summary>
    private static long FindEndOfHeaders(in ReadOnlySequence<byte> buffer, int limit)
    {
        long index = 0;
        var atLineStart = false;
        var carriageReturnAtLineStart = false;
        foreach (var segment in buffer)
        {
            foreach (var b in segment.Span)
            {
                if (index >= limit)
                {
                    return -1;
                }

                index++;
                if (b == LF)
                {
                    if (atLineStart)
                    {
                        return index;
                    }

                    atLineStart = true;
                    carriageReturnAtLineStart = false;
                }
                else if (b == CR && atLineStart && !carriageReturnAtLineStart)
                {
                    carriageReturnAtLineStart = true;
                }
                else
                {
                    atLineStart = false;
                    carriageReturnAtLineStart = false;
                }
            }
        }

        return -1;
    }

    private static SipParseError? ReadContentLength(in ReadOnlySequence<byte> headers, out int contentLength)
    {
        if (headers.IsSingleSegment)
        {
            return SipParser.ReadStreamContentLength(headers.FirstSpan, out contentLength);
        }

        var length = (int)headers.Length;
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            headers.CopyTo(copy);
            return SipParser.ReadStreamContentLength(copy.AsSpan(0, length), out contentLength);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }
}
