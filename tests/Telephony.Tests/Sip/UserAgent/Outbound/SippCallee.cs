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
    /// <remarks>Ports are probed free and then bound by sipp; another process may take one in between, so a sipp that
    /// exits at start is started again on other ports.</remarks>
    public static async Task<SippCallee> StartAsync(string scenario, params string[] extra)
    {
        Assert.True(File.Exists(Executable), "sipp (sip-tester) is needed for the interop tests: apt-get install sip-tester");
        var failures = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var callee = Start(scenario, extra);
            if (await callee.WaitUntilListeningAsync())
            {
                return callee;
            }

            var exit = await callee.WaitForExitAsync(TimeSpan.FromSeconds(1));
            failures.Add($"exit {exit.ExitCode}: {exit.Errors}");
            await callee.DisposeAsync();
        }

        Assert.Fail("sipp did not start:\n" + string.Join("\n", failures));
        return null!;
    }

    private static SippCallee Start(string scenario, string[] extra)
    {
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
        return new SippCallee(process, port, folder);
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
            Directory.Delete(Folder, recursive: true);
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

    // sipp binds its media ports, then its SIP port, and exits at once when a bind fails; an INVITE sent before it
    // listens would only be retransmitted, but sipp's strict scenarios read better without that.
    private async Task<bool> WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (IsBound(Port))
            {
                await Task.Delay(100);
                return !_process.HasExited;
            }

            await Task.Delay(20);
        }

        return false;
    }

    private static bool IsBound(int port)
    {
        try
        {
            using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
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

    // An even port with the three above it free too (sipp binds audio and video RTP and RTCP), away from the ranges
    // the tests give our media engine.
    private static int FreeMediaPort()
    {
        for (var port = 46000 + (Random.Shared.Next(0, 1000) * 4); ; port += 4)
        {
            if (!IsBound(port) && !IsBound(port + 1) && !IsBound(port + 2) && !IsBound(port + 3))
            {
                return port;
            }
        }
    }
}
