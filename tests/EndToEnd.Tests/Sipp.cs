using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>Runs sipp (Debian's sip-tester) against the service on 127.0.0.1, always within a time limit.</summary>
public sealed class Sipp
{
    public static string ScenarioFolder { get; } = Path.Combine(ServiceProcess.RepositoryRoot, "tests", "EndToEnd.Tests", "Sip");

    public static bool IsInstalled => File.Exists("/usr/bin/sipp");

    /// <summary>Runs one caller scenario; returns sipp's exit code (0: every call succeeded) and its logs.</summary>
    public static async Task<SippResult> CallAsync(ServiceProcess service, string scenario, string dialled, string caller, TimeSpan limit, params string[] extra)
    {
        ArgumentNullException.ThrowIfNull(service);
        var work = Path.Combine(service.DataFolder, "sipp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var info = new ProcessStartInfo("sipp") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            $"127.0.0.1:{service.SipPort.ToString(CultureInfo.InvariantCulture)}",
            "-sf", scenario,
            "-s", dialled,
            "-key", "caller", caller,
            "-i", "127.0.0.1", "-p", FreeUdpPort().ToString(CultureInfo.InvariantCulture),
            "-mi", "127.0.0.1", "-mp", FreeMediaPort().ToString(CultureInfo.InvariantCulture),
            "-m", "1", "-nostdin",
            "-trace_err", "-error_file", Path.Combine(work, "errors.log"),
            "-trace_msg", "-message_file", Path.Combine(work, "messages.log"),
            "-trace_logs", "-log_file", Path.Combine(work, "scenario.log"),
        }.Concat(extra))
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start.");
        return await WaitAsync(process, work, limit);
    }

    /// <summary>Starts sipp as a callee (the carrier trunk) on <paramref name="port"/>; the caller awaits the returned task.</summary>
    public static Task<SippResult> AnswerAsync(string folder, string scenario, int port, TimeSpan limit, params string[] extra)
    {
        var work = Path.Combine(folder, "sipp-uas-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var info = new ProcessStartInfo("sipp") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-sf", scenario, "-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture),
            "-mi", "127.0.0.1", "-mp", FreeMediaPort().ToString(CultureInfo.InvariantCulture), "-m", "1", "-nostdin",
            "-trace_err", "-error_file", Path.Combine(work, "errors.log"),
            "-trace_msg", "-message_file", Path.Combine(work, "messages.log"),
            "-trace_logs", "-log_file", Path.Combine(work, "scenario.log"),
        }.Concat(extra))
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start.");
        return WaitAsync(process, work, limit);
    }

    private static async Task<SippResult> WaitAsync(Process process, string work, TimeSpan limit)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            return new SippResult(
                process.ExitCode,
                ReadIfExists(Path.Combine(work, "messages.log")),
                ReadIfExists(Path.Combine(work, "scenario.log")),
                ReadIfExists(Path.Combine(work, "errors.log")) + await error + await output);
        }
    }

    /// <summary>Writes a caller scenario that presses <paramref name="digits"/> (rfc4733 or info) and waits for the desk to hang up.</summary>
    public static async Task<string> GenerateCallerAsync(string folder, string mode, string digits, int holdMs, string caller)
    {
        var path = Path.Combine(folder, $"uac-{mode}-{Guid.NewGuid():N}.xml");
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(ScenarioFolder, "gen_uac_scenario.py"), "--mode", mode, "--digits", digits, "--audio", "none", "--wait-ms", "1500", "--gap-ms", "300", "--hold-ms", holdMs.ToString(CultureInfo.InvariantCulture), "--hangup", "remote", "--caller", caller, "-o", path })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? path : throw new InvalidOperationException("gen_uac_scenario.py failed: " + stderr);
    }

    private static string ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;

    private static int FreeUdpPort()
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
    }

    // Below the service's RTP range (10000-20000), even, with the next port free for RTCP.
    private static int FreeMediaPort()
    {
        for (var port = 6000 + (Random.Shared.Next(0, 1500) * 2); ; port += 2)
        {
            try
            {
                using var rtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                using var rtcp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException)
            {
                // In use: next pair.
            }
        }
    }
}
