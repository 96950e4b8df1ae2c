using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>An SMTP conversation by hand, for what MailKit will not send: a null reverse-path, broken MIME, a lying SIZE.</summary>
internal sealed class RawSmtp : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private RawSmtp(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new StreamReader(_stream, Encoding.Latin1);
    }

    public static async Task<RawSmtp> ConnectAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Eventually.Bound);
        var smtp = new RawSmtp(client);
        var greeting = await smtp.ReplyAsync();
        Assert.StartsWith("220", greeting, StringComparison.Ordinal);
        Assert.StartsWith("250", await smtp.CommandAsync("EHLO client.test"), StringComparison.Ordinal);
        return smtp;
    }

    /// <summary>Sends one command line and returns the whole (possibly multi-line) reply.</summary>
    public async Task<string> CommandAsync(string line)
    {
        await _stream.WriteAsync(Encoding.Latin1.GetBytes(line + "\r\n")).AsTask().WaitAsync(Eventually.Bound);
        return await ReplyAsync();
    }

    /// <summary>MAIL, RCPT, DATA and the message; returns the reply to the final dot.</summary>
    public async Task<string> SendAsync(string reversePath, string recipient, string message)
    {
        Assert.StartsWith("250", await CommandAsync($"MAIL FROM:<{reversePath}>"), StringComparison.Ordinal);
        Assert.StartsWith("250", await CommandAsync($"RCPT TO:<{recipient}>"), StringComparison.Ordinal);
        Assert.StartsWith("354", await CommandAsync("DATA"), StringComparison.Ordinal);

        // RFC 5321 §4.5.2: a line starting with a dot gets another.
        var stuffed = string.Join("\r\n", message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.StartsWith('.') ? "." + l : l));
        return await CommandAsync(stuffed + "\r\n.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CommandAsync("QUIT");
        }
        catch (IOException)
        {
        }

        _reader.Dispose();
        _client.Dispose();
    }

    private async Task<string> ReplyAsync()
    {
        var reply = new StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync().WaitAsync(Eventually.Bound) ?? throw new IOException("The server closed the connection.");
            reply.Append(line).Append('\n');
            if (line.Length < 4 || line[3] != '-')
            {
                return reply.ToString();
            }
        }
    }
}
