using Microsoft.AspNetCore.Connections;

namespace Equipment.Gateway.Gbt32960;

/// <summary>Which connection speaks for each logged-in VIN: a second login of the same VIN closes the first connection (2025 appendix B.2.7).</summary>
public sealed class SessionTable(Gbt32960Statistics statistics)
{
    private readonly Dictionary<string, ConnectionContext> _byVin = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _open;

    /// <summary>Counts a new connection; false (and not counted) when <paramref name="max"/> are open already.</summary>
    public bool TryOpen(int max)
    {
        if (Interlocked.Increment(ref _open) > max)
        {
            Interlocked.Decrement(ref _open);
            return false;
        }

        return true;
    }

    public void Close() => Interlocked.Decrement(ref _open);

    public void Claim(string vin, ConnectionContext connection)
    {
        ConnectionContext? previous;
        lock (_lock)
        {
            _byVin.TryGetValue(vin, out previous);
            _byVin[vin] = connection;
        }

        if (previous is not null && previous != connection)
        {
            statistics.Replace();
            previous.Abort(new ConnectionAbortedException($"VIN {vin} connected again"));
        }
    }

    public void Release(string vin, ConnectionContext connection)
    {
        lock (_lock)
        {
            if (_byVin.TryGetValue(vin, out var current) && current == connection)
            {
                _byVin.Remove(vin);
            }
        }
    }
}
