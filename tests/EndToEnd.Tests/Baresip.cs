using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>
/// A headless baresip 1.0.0 soft-phone (Debian's baresip-core) driven through its stdin: it registers with an
/// account, dials, presses keys (RFC 4733), hangs up. Always bounded in time and killed at the end.
/// </summary>
public sealed class Baresip : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private Baresip(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static bool IsInstalled => File.Exists("/usr/bin/baresip");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts baresip with one account registering to <paramref name="registrar"/> as <paramref name="user"/>.</summary>
    public static Baresip Start(string folder, string user, string password, string registrar, int sipPort, int rtpPortLow, double toneHz = 440)
    {
        Directory.CreateDirectory(folder);
        var wav = Path.Combine(folder, "mic.wav");
        WriteTone(wav, seconds: 60, toneHz);
        var template = File.ReadAllText(Path.Combine(Sipp.ScenarioFolder, "baresip.config.template"));
        File.WriteAllText(Path.Combine(folder, "config"), template
            .Replace("@LISTEN@", $"127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal)
            .Replace("@RTP@", $"{rtpPortLow.ToString(CultureInfo.InvariantCulture)}-{(rtpPortLow + 20).ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal)
            .Replace("@WAV@", wav, StringComparison.Ordinal)
            .Replace("@REC@", folder, StringComparison.Ordinal)
            .Replace("@IP@", "127.0.0.1", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "accounts"), $"<sip:{user}@{registrar};transport=udp>;auth_pass={password};regint=60;answermode=auto;audio_codecs=PCMU,PCMA\n");
        File.WriteAllText(Path.Combine(folder, "contacts"), string.Empty);
        var info = new ProcessStartInfo("baresip") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add(folder);
        return new Baresip(Process.Start(info) ?? throw new InvalidOperationException("baresip did not start."));
    }

    public async Task TypeAsync(string keys)
    {
        await _process.StandardInput.WriteAsync(keys);
        await _process.StandardInput.FlushAsync();
    }

    public async Task<bool> WaitForOutputAsync(string text, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await TypeAsync("q");
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await _process.WaitForExitAsync(quit.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    // 8 kHz mono 16-bit PCM: a quiet tone, the phone's "microphone".
    private static void WriteTone(string path, int seconds, double hz)
    {
        const int rate = 8000;
        var samples = rate * seconds;
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + (samples * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((short)(3000 * Math.Sin(2 * Math.PI * hz * i / rate)));
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
