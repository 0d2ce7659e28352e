using System.Net;
using System.Net.Sockets;

namespace Kalmar.Tests.Fixtures;

/// <summary>A port nothing listens on now, for a server a test starts (PostgreSQL, a web host on Kestrel).</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
