namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>One running service shared by a test class, started once and stopped after its last test.</summary>
public class ServiceFixture : IAsyncLifetime
{
    private ServiceProcess? _service;

    /// <summary>Configuration the service starts with, beyond the test defaults.</summary>
    protected virtual IDictionary<string, string>? Settings => null;

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("The service has not started.");

    public async Task InitializeAsync()
    {
        _service = ServiceProcess.Start(Settings);
        await _service.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
