using System.Buffers;
using System.Globalization;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>
/// Writes messages in wire format: start line, headers in order under their canonical names, a
/// Content-Length that always matches the body (RFC 3261 §18.3, §20.14), the empty line, the body.
/// </summary>
public static class SipSerializer
{
    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    /// <summary>Writes a message into a buffer writer (for example a <c>PipeWriter</c>).</summary>
    public static void Write(SipMessage message, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(writer);
        switch (message)
        {
            case SipRequest request:
                WriteText(writer, request.Method.Name);
                writer.Write(" "u8);
                WriteText(writer, request.RequestUri.ToString());
                writer.Write(" SIP/2.0\r\n"u8);
                break;
            case SipResponse response:
                writer.Write("SIP/2.0 "u8);
                WriteText(writer, response.StatusCode.ToString(CultureInfo.InvariantCulture));
                writer.Write(" "u8);
                WriteText(writer, response.ReasonPhrase);
                writer.Write(CrLf);
                break;
            default:
                throw new ArgumentException($"Unknown message type {message.GetType().Name}.", nameof(message));
        }

        var lengthWritten = false;
        foreach (var header in message.Headers)
        {
            if (string.Equals(header.Name, SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                // The declared length is replaced, in place, by the real one.
                if (!lengthWritten)
                {
                    WriteContentLength(writer, message.Body.Length);
                    lengthWritten = true;
                }

                continue;
            }

            WriteText(writer, header.Name);
            writer.Write(": "u8);
            WriteText(writer, header.Value);
            writer.Write(CrLf);
        }

        if (!lengthWritten)
        {
            WriteContentLength(writer, message.Body.Length);
        }

        writer.Write(CrLf);
        writer.Write(message.Body.Span);
    }

    /// <summary>Writes a message into a new array.</summary>
    public static byte[] ToBytes(SipMessage message)
    {
        var writer = new ArrayBufferWriter<byte>(512 + (message?.Body.Length ?? 0));
        Write(message!, writer);
        return writer.WrittenSpan.ToArray();
    }

    private static void WriteContentLength(IBufferWriter<byte> writer, int length)
    {
        writer.Write("Content-Length: "u8);
        WriteText(writer, length.ToString(CultureInfo.InvariantCulture));
        writer.Write(CrLf);
    }

    private static void WriteText(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
