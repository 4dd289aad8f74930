using Equipment.Telemetry.LineProtocol;

namespace Equipment.Grains.Grains;

/// <summary>Highest and lowest cell voltage (mV) and probe temperature (°C) over the <c>truck_cells</c>/<c>truck_probes</c> lines of one time.</summary>
public readonly record struct ArrayExtremes(double? CellMaxMv, double? CellMinMv, double? ProbeMax, double? ProbeMin)
{
    public ArrayExtremes With(in LineProtocolLine line, bool cells)
    {
        double? max = cells ? CellMaxMv : ProbeMax;
        double? min = cells ? CellMinMv : ProbeMin;
        var fields = line.GetFields();
        while (fields.TryNext(out _, out var value, out var error))
        {
            if (error is null && value.IsNumeric)
            {
                max = max is { } a ? Math.Max(a, value.Number) : value.Number;
                min = min is { } b ? Math.Min(b, value.Number) : value.Number;
            }
        }

        return cells ? this with { CellMaxMv = max, CellMinMv = min } : this with { ProbeMax = max, ProbeMin = min };
    }
}
