namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>One running service shared by a test class, started once and stopped after its last test.</summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    private ServiceProcess? _service;

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("The service has not started.");

    public async Task InitializeAsync()
    {
        _service = ServiceProcess.Start();
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
