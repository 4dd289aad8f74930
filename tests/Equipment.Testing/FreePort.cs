using System.Net;
using System.Net.Sockets;

namespace Equipment.Testing;

/// <summary>Asks the OS for unused loopback ports, so parallel test runs and a running platform never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
