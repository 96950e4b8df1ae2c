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
    private readonly bool _ownsDataFolder;

    private ServiceProcess(Process process, string dataFolder, bool ownsDataFolder, Uri baseAddress, int sipPort)
    {
        _ownsDataFolder = ownsDataFolder;
        SipPort = sipPort;
        _process = process;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The service's SIP port on 127.0.0.1 (UDP and TCP).</summary>
    public int SipPort { get; }

    public string DataFolder => _dataFolder;

    public const string AdminEmail = "admin@callmyway.test";
    public const string AdminPassword = "correct-horse-battery-staple";

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

    /// <param name="dataFolder">
    /// Where the database, outbox and recordings live: a fresh temporary folder, removed on dispose, unless the test
    /// passes one of its own (to start the service again on the same data, as after a restart).
    /// </param>
    public static ServiceProcess Start(IDictionary<string, string>? settings = null, string? dataFolder = null)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepositoryRoot, "src", "Web", "bin", configuration, "net10.0", "CallMyWay.Voice.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the service first: {dll} is missing.");
        }

        var ownsDataFolder = dataFolder is null;
        dataFolder ??= Path.Combine(Path.GetTempPath(), $"cmw-e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataFolder);
        var port = FreeTcpPort();
        var sipPort = FreeSipPort();
        var all = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Sip:ListenAddress"] = "127.0.0.1",
            ["Sip:Port"] = sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sip:RecordingFolder"] = Path.Combine(dataFolder, "recordings"),
            ["Ivr:OutboxFolder"] = Path.Combine(dataFolder, "outbox"),
            ["Email:Inbound:Port"] = "0",
            ["Email:AttachmentFolder"] = Path.Combine(dataFolder, "attachments"),
            ["Chat:AttachmentFolder"] = Path.Combine(dataFolder, "chat-attachments"),
            ["Email:LinkSecretFile"] = Path.Combine(dataFolder, "email-link.key"),
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(dataFolder, "callmyway.db")}",
            ["Auth:AdminEmail"] = AdminEmail,
            ["Auth:AdminPassword"] = AdminPassword,
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
        var service = new ServiceProcess(process, dataFolder, ownsDataFolder, new Uri($"http://127.0.0.1:{port}"), sipPort);
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
        if (!_ownsDataFolder)
        {
            return;
        }

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

    /// <summary>A port free for both UDP and TCP on 127.0.0.1, for the service's SIP listeners.</summary>
    public static int FreeSipPort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var candidate = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
            try
            {
                using var tcp = new TcpListener(IPAddress.Loopback, candidate);
                tcp.Start();
                return candidate;
            }
            catch (SocketException)
            {
                // Taken for TCP; try another.
            }
        }

        throw new InvalidOperationException("No port is free for both UDP and TCP.");
    }

    /// <summary>An HTTP client logged in as the administrator.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };
        var login = await client.PostAsync("/api/auth/login", new StringContent($"{{\"email\":\"{AdminEmail}\",\"password\":\"{AdminPassword}\"}}", Encoding.UTF8, "application/json"));
        login.EnsureSuccessStatusCode();
        return client;
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
