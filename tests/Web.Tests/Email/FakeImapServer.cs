using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>
/// A scripted IMAP4rev1 server (RFC 3501) on 127.0.0.1 holding one INBOX: just the commands a mailbox poller sends —
/// LOGIN, LIST, SELECT, UID SEARCH, UID FETCH, UID STORE, LOGOUT.
/// </summary>
internal sealed partial class FakeImapServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(uint Uid, byte[] Raw)> _messages = [];
    private readonly Task _accepting;

    public FakeImapServer(string username, string password, params string[] messages)
    {
        Username = username;
        Password = password;
        for (var i = 0; i < messages.Length; i++)
        {
            _messages.Add(((uint)(i + 1), Encoding.UTF8.GetBytes(messages[i].Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal))));
        }

        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Username { get; }

    public string Password { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentDictionary<uint, bool> Seen { get; } = new();

    public ConcurrentQueue<string> Commands { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await WriteAsync(stream, "* OK [CAPABILITY IMAP4rev1] fake IMAP ready\r\n");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            Commands.Enqueue(line);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var tag = line[..space];
            var command = line[(space + 1)..];
            var upper = command.ToUpperInvariant();
            if (upper.StartsWith("CAPABILITY", StringComparison.Ordinal))
            {
                await WriteAsync(stream, $"* CAPABILITY IMAP4rev1\r\n{tag} OK done\r\n");
            }
            else if (upper.StartsWith("LOGIN", StringComparison.Ordinal))
            {
                var ok = command.Contains(Username, StringComparison.Ordinal) && command.Contains(Password, StringComparison.Ordinal);
                await WriteAsync(stream, ok ? $"{tag} OK [CAPABILITY IMAP4rev1] logged in\r\n" : $"{tag} NO [AUTHENTICATIONFAILED] wrong\r\n");
            }
            else if (upper.StartsWith("LIST", StringComparison.Ordinal))
            {
                var root = command.EndsWith("\"\"", StringComparison.Ordinal);
                await WriteAsync(stream, (root ? "* LIST (\\Noselect) \"/\" \"\"\r\n" : "* LIST (\\HasNoChildren) \"/\" INBOX\r\n") + $"{tag} OK done\r\n");
            }
            else if (upper.StartsWith("SELECT", StringComparison.Ordinal) || upper.StartsWith("EXAMINE", StringComparison.Ordinal))
            {
                await WriteAsync(stream, $"* {_messages.Count} EXISTS\r\n* 0 RECENT\r\n* FLAGS (\\Seen)\r\n* OK [PERMANENTFLAGS (\\Seen)] ok\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT {_messages.Count + 1}] ok\r\n{tag} OK [READ-WRITE] selected\r\n");
            }
            else if (upper.StartsWith("UID SEARCH", StringComparison.Ordinal))
            {
                var unseen = _messages.Where(m => !Seen.ContainsKey(m.Uid)).Select(m => m.Uid.ToString(CultureInfo.InvariantCulture));
                await WriteAsync(stream, $"* SEARCH {string.Join(' ', unseen)}\r\n{tag} OK done\r\n");
            }
            else if (upper.StartsWith("UID FETCH", StringComparison.Ordinal))
            {
                await FetchAsync(stream, tag, upper);
            }
            else if (upper.StartsWith("UID STORE", StringComparison.Ordinal))
            {
                foreach (var uid in Uids(upper.Split(' ')[2]))
                {
                    Seen[uid] = true;
                }

                await WriteAsync(stream, $"{tag} OK stored\r\n");
            }
            else if (upper.StartsWith("LOGOUT", StringComparison.Ordinal))
            {
                await WriteAsync(stream, $"* BYE\r\n{tag} OK bye\r\n");
                return;
            }
            else
            {
                await WriteAsync(stream, $"{tag} OK ignored\r\n");
            }
        }
    }

    private async Task FetchAsync(NetworkStream stream, string tag, string command)
    {
        var set = command.Split(' ')[2];
        foreach (var (uid, raw) in _messages.Where(m => Uids(set).Contains(m.Uid)))
        {
            var sequence = _messages.FindIndex(m => m.Uid == uid) + 1;
            if (command.Contains("BODY.PEEK[]", StringComparison.Ordinal) || command.Contains("BODY[]", StringComparison.Ordinal))
            {
                await WriteAsync(stream, $"* {sequence} FETCH (UID {uid} BODY[] {{{raw.Length}}}\r\n");
                await stream.WriteAsync(raw);
                await WriteAsync(stream, ")\r\n");
            }
            else
            {
                await WriteAsync(stream, $"* {sequence} FETCH (UID {uid} RFC822.SIZE {raw.Length})\r\n");
            }
        }

        await WriteAsync(stream, $"{tag} OK fetched\r\n");
    }

    private HashSet<uint> Uids(string set)
    {
        var uids = new HashSet<uint>();
        foreach (var part in set.Split(','))
        {
            var match = Range().Match(part);
            var first = uint.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var last = match.Groups[2].Success ? (match.Groups[2].Value == "*" ? uint.MaxValue : uint.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) : first;
            foreach (var (uid, _) in _messages.Where(m => m.Uid >= first && m.Uid <= last))
            {
                uids.Add(uid);
            }
        }

        return uids;
    }

    private Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token).AsTask();

    [GeneratedRegex(@"^(\d+)(?::(\d+|\*))?$")]
    private static partial Regex Range();
}
