using System.Net;
using System.Net.Sockets;

namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>A loopback TCP port nobody listens on right now, for a server a test starts later (or never).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
