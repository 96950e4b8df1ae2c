using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transport;

/// <summary>The far end of a TCP connection: writes raw text, reads framed messages, pongs and the close.</summary>
internal sealed class StreamPeer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly SipStreamFramer _framer = new();

    public StreamPeer(Socket socket)
    {
        _socket = socket;
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream);
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public static async Task<StreamPeer> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint).WaitAsync(TransportHarness.Timeout);
        return new StreamPeer(socket);
    }

    public async Task SendAsync(string text) => await SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] data)
    {
        await _stream.WriteAsync(data).AsTask().WaitAsync(TransportHarness.Timeout);
        await _stream.FlushAsync().WaitAsync(TransportHarness.Timeout);
    }

    /// <summary>Reads the next message, skipping keep-alives.</summary>
    public async Task<SipMessage> ReceiveAsync()
    {
        while (true)
        {
            var result = await _reader.ReadAsync().AsTask().WaitAsync(TransportHarness.Timeout);
            var frame = _framer.Read(result.Buffer);
            switch (frame.Status)
            {
                case SipFrameStatus.Message:
                    var message = SipText.Parse(frame.Message.ToArray());
                    _reader.AdvanceTo(frame.Consumed);
                    return message;
                case SipFrameStatus.KeepAlive:
                    _reader.AdvanceTo(frame.Consumed);
                    break;
                case SipFrameStatus.Error:
                    throw new InvalidDataException(frame.Error!.ToString());
                default:
                    if (result.IsCompleted)
                    {
                        throw new EndOfStreamException("The transport closed the connection.");
                    }

                    _reader.AdvanceTo(frame.Consumed, frame.Examined);
                    break;
            }
        }
    }

    /// <summary>Reads the next <paramref name="count"/> bytes as text.</summary>
    public async Task<string> ReceiveRawAsync(int count)
    {
        while (true)
        {
            var result = await _reader.ReadAsync().AsTask().WaitAsync(TransportHarness.Timeout);
            if (result.Buffer.Length >= count)
            {
                var text = Encoding.UTF8.GetString(result.Buffer.Slice(0, count).ToArray());
                _reader.AdvanceTo(result.Buffer.GetPosition(count));
                return text;
            }

            if (result.IsCompleted)
            {
                throw new EndOfStreamException("The transport closed the connection.");
            }

            _reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>Completes when the transport has closed the connection; whatever arrives before is discarded.</summary>
    public async Task WaitForCloseAsync()
    {
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync().AsTask().WaitAsync(TransportHarness.Timeout);
                _reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (IOException)
        {
            // A reset is a close too.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync();
        await _stream.DisposeAsync();
    }
}
