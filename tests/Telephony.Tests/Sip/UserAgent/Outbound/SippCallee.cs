using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.UserAgent.Outbound;

/// <summary>
/// sipp as the callee (a carrier trunk or an agent's phone) on 127.0.0.1, from a scenario under Scenarios/; always
/// within a time limit, and killed by its process id if it overruns or the test ends first.
/// </summary>
internal sealed class SippCallee : IAsyncDisposable
{
    private const string Executable = "/usr/bin/sipp";

    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private SippCallee(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public static string ScenarioFolder { get; } = Path.Combine(AppContext.BaseDirectory, "Sip", "UserAgent", "Outbound", "Scenarios");

    /// <summary>The SIP port sipp listens on.</summary>
    public int Port { get; }

    /// <summary>Where to send the INVITE.</summary>
    public SipEndPoint EndPoint => new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, Port));

    /// <summary>sipp's working folder, holding its logs.</summary>
    public string Folder { get; }

    /// <summary>Starts sipp with <paramref name="scenario"/> for one call and waits until it listens.</summary>
    public static async Task<SippCallee> StartAsync(string scenario, params string[] extra)
    {
        Assert.True(File.Exists(Executable), "sipp (sip-tester) is needed for the interop tests: apt-get install sip-tester");
        var folder = Path.Combine(Path.GetTempPath(), "uac-sipp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var port = FreeUdpPort();
        var info = new ProcessStartInfo(Executable) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-sf", Path.Combine(ScenarioFolder, scenario),
            "-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture),
            "-mi", "127.0.0.1", "-mp", FreeMediaPort().ToString(CultureInfo.InvariantCulture),
            "-m", "1", "-nostdin",
            "-trace_err", "-error_file", Path.Combine(folder, "errors.log"),
            "-trace_msg", "-message_file", Path.Combine(folder, "messages.log"),
            "-trace_logs", "-log_file", Path.Combine(folder, "scenario.log"),
        }.Concat(extra))
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start.");
        var callee = new SippCallee(process, port, folder);
        await callee.WaitUntilListeningAsync();
        return callee;
    }

    /// <summary>Waits for sipp to finish its call; kills it when <paramref name="limit"/> passes first.</summary>
    public async Task<SippExit> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var killed = false;
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            killed = true;
            await _process.WaitForExitAsync();
        }

        return new SippExit(
            killed ? -1 : _process.ExitCode,
            Read("scenario.log"),
            Read("messages.log"),
            Read("errors.log") + await _error + await _output);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            //KEEP Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    // sipp binds its port after reading the scenario; an INVITE sent before would only be retransmitted, but the
    // tests' timings read better without that.
    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, Port));
            }
            catch (SocketException)
            {
                return;
            }

            await Task.Delay(20);
        }

        var exit = await WaitForExitAsync(TimeSpan.FromSeconds(1));
        Assert.Fail($"sipp did not start listening on {Port}: exit {exit.ExitCode}\n{exit.Errors}");
    }

    private string Read(string name)
    {
        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    private static int FreeUdpPort()
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
    }

    // An even port with the next one free for RTCP, below the range the tests give our media engine.
    private static int FreeMediaPort()
    {
        for (var port = 24000 + (Random.Shared.Next(0, 2000) * 2); ; port += 2)
        {
            try
            {
                using var rtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                using var rtcp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException)
            {
                // In use: the next pair.
            }
        }
    }
}
