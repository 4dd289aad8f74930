using System.Globalization;
using Equipment.Contracts.Messages;
using Equipment.Gbt32960.Data;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Gateway.Gbt32960;

/// <summary>
/// One decoded real-time frame → one <c>truck</c> line, plus one <c>truck_cells</c> and one <c>truck_probes</c> line per
/// battery subsystem (README "GB/T 32960 listener" has the table). Only what the frame carried is written.
/// </summary>
public static class TruckLineMapper
{
    public static void Write(RealtimeData data, VinBinding truck, ByteBuffer output)
    {
        var ns = LineProtocolWriter.ToNanoseconds(data.Time);
        var v = data.Vehicle;
        var w = new LineProtocolWriter(output, "truck").Tag("fleet", truck.Fleet).Tag("id", truck.EquipmentId);
        if (v is not null)
        {
            w = w.Field("speed_kmh", v.SpeedKmh)
                .Field("odometer_km", v.OdometerKm)
                .Field("soc_pct", v.SocPct)
                .Field("battery_voltage_v", v.VoltageV)
                .Field("battery_current_a", v.CurrentA)
                .Field("power_kw", v.VoltageV * v.CurrentA / 1000.0)
                .Field("insulation_kohm", v.InsulationKohm);
            if (v.State is 1 or 2)
            {
                w = w.Field("ignition", v.State == 1);
            }

            if (v.Charging is { } charging)
            {
                w = w.Field("charging", (long)charging);
            }
        }

        if (data.Position is { Valid: true } p)
        {
            w = w.Field("lat", p.LatitudeDeg).Field("lon", p.LongitudeDeg);
        }

        w = w.Field("motor_temp_c", Max(data.Motors.Select(m => m.TempC)))
            .Field("inverter_temp_c", Max(data.Motors.Select(m => m.ControllerTempC)));

        var probes = data.Probes.SelectMany(s => s.TempsC);
        var cells = data.Cells.SelectMany(s => s.CellsV);
        w = w.Field("battery_temp_c", Max(probes) ?? data.Extremes?.MaxTempC)
            .Field("battery_temp_min_c", Min(probes) ?? data.Extremes?.MinTempC)
            .Field("cell_voltage_max_v", data.Extremes?.MaxCellVoltageV ?? Max(cells))
            .Field("cell_voltage_min_v", data.Extremes?.MinCellVoltageV ?? Min(cells));
        if (data.Alarm is { } alarm)
        {
            if (alarm.Level is { } level)
            {
                w = w.Field("alarm_level", (long)level);
            }

            w = w.Field("alarm_flags", (long)alarm.Flags);
        }

        w.End(ns);

        foreach (var s in data.Cells)
        {
            var line = new LineProtocolWriter(output, "truck_cells").Tag("fleet", truck.Fleet).Tag("id", truck.EquipmentId).Tag("subsystem", Number(s.Subsystem));
            for (var i = 0; i < s.CellsV.Count; i++)
            {
                if (s.CellsV[i] is { } volts)
                {
                    line = line.Field(CellField('c', s.FirstCell + i), (long)Math.Round(volts * 1000));
                }
            }

            line.End(ns);
        }

        foreach (var s in data.Probes)
        {
            var line = new LineProtocolWriter(output, "truck_probes").Tag("fleet", truck.Fleet).Tag("id", truck.EquipmentId).Tag("subsystem", Number(s.Subsystem));
            for (var i = 0; i < s.TempsC.Count; i++)
            {
                if (s.TempsC[i] is { } celsius)
                {
                    line = line.Field(CellField('t', i + 1), (long)celsius);
                }
            }

            line.End(ns);
        }
    }

    /// <summary><c>c001</c>… so fields sort by cell number up to 999 (longer strings get more digits).</summary>
    public static string CellField(char prefix, int number) => prefix + number.ToString("D3", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static double? Max(IEnumerable<double?> values) => values.Where(x => x is not null).DefaultIfEmpty(null).Max();

    private static double? Min(IEnumerable<double?> values) => values.Where(x => x is not null).DefaultIfEmpty(null).Min();
}
