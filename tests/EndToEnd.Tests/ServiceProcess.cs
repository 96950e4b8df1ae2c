using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>
/// The real service, started as a newcomer would start it (from the repository root, the Web project's build
/// output), on free 127.0.0.1 ports and a database of its own; killed and cleaned up on dispose.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataFolder;

    private ServiceProcess(Process process, string dataFolder, Uri baseAddress)
    {
        _process = process;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

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

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static ServiceProcess Start(IDictionary<string, string>? settings = null)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepositoryRoot, "src", "Web", "bin", configuration, "net10.0", "CallMyWay.Voice.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the service first: {dll} is missing.");
        }

        var dataFolder = Path.Combine(Path.GetTempPath(), $"cmw-e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataFolder);
        var port = FreeTcpPort();
        var all = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(dataFolder, "callmyway.db")}",
            ["Auth:AdminEmail"] = "admin@callmyway.test",
            ["Auth:AdminPassword"] = "correct-horse-battery-staple",
        };
        if (settings is not null)
        {
            foreach (var (key, value) in settings)
            {
                all[key] = value;
            }
        }

        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in all)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var service = new ServiceProcess(process, dataFolder, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Polls <c>/health</c> until it answers 200; returns how long that took.</summary>
    public async Task<TimeSpan> WaitUntilHealthyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return watch.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"/health did not answer 200 within {limit}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the temp folder is cleaned by the OS.
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallMyWay.Voice.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CallMyWay.Voice.sln not found above " + AppContext.BaseDirectory);
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
