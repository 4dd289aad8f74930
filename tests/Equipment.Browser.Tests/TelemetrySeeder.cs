using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Equipment.Domain.Routes;

namespace Equipment.Browser.Tests;

/// <summary>
/// Realistic telemetry for the browser tests and screenshots: hours of a TBM boring strokes in granite (thrust, torque
/// from the torque-ratio model, regripping pauses, cutter wear rounds) and trucks driving the G318 profile (altitude
/// from the route, charge from a climb/rolling/drag energy model, regeneration downhill). Deterministic per seed.
/// </summary>
public static class TelemetrySeeder
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Task RegisterAsync(HttpClient dashboard, string id, string kind, string name, string group) =>
        PutAsync(dashboard, id, kind == "tbm"
            ? new { kind, name, site = group }
            : new { kind, name, fleet = group });

    private static async Task PutAsync(HttpClient dashboard, string id, object body)
    {
        using var response = await dashboard.PutAsJsonAsync($"/api/equipment/{Uri.EscapeDataString(id)}", body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>TBM lines (tbm and tbm_cutter) every <paramref name="step"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static List<string> Tbm(string id, string site, DateTimeOffset from, DateTimeOffset to, int seed, double chainageM, TimeSpan step)
    {
        var rng = new Random(seed);
        var lines = new List<string>();
        const int cutters = 50;
        const double d = 7.0, m0 = 180.0, r = 241.3;
        var stroke = 1000L + seed % 100;
        var strokeStartChainage = chainageM;
        var regripUntil = DateTimeOffset.MinValue;
        var (thrust, ratio) = StrokeParameters(rng);
        double bearing = 50, gear = 58, hydraulic = 49;
        var baseWear = Enumerable.Range(1, cutters).Select(i => 1.5 + rng.NextDouble() * 8 + 9.0 * i / cutters).ToArray();
        // mm of wear per m advanced: gauge cutters (outer positions) roll furthest and wear fastest.
        var rate = Enumerable.Range(1, cutters).Select(i => (0.03 + 0.18 * i / cutters) * (0.7 + 0.6 * rng.NextDouble())).ToArray();
        var startChainage = chainageM;
        var nextWearRound = from;
        for (var t = from; t <= to; t += step)
        {
            var dt = step.TotalMinutes;
            var boring = t >= regripUntil;
            double rpm = 0, penetration = 0, advance = 0, torque = 0, f = 0, power = 180, gripper = 120;
            if (boring)
            {
                f = thrust * (1 + (rng.NextDouble() - 0.5) * 0.05);
                rpm = 6.0 + (rng.NextDouble() - 0.5) * 0.3;
                penetration = Math.Min(16, 5.5 * (f / cutters) / (150 + 25 * Math.Sin(chainageM / 9.3))) * (1 + (rng.NextDouble() - 0.5) * 0.1);
                advance = penetration * rpm;
                var alpha = Math.Acos((r - penetration) / r);
                var theoretical = 0.3 * Math.Tan(alpha / 2) * f * d + m0;
                torque = (ratio + (rng.NextDouble() - 0.5) * 0.03) * theoretical;
                power = 900 + torque * rpm * 2 * Math.PI / 60 * 1.15;
                gripper = 300 + rng.NextDouble() * 20;
                chainageM += advance * dt / 1000.0;
                if (chainageM - strokeStartChainage >= 1.75)
                {
                    // End of the stroke: retract, regrip, next stroke with new rock and a new torque ratio.
                    regripUntil = t + TimeSpan.FromSeconds(110 + rng.Next(70));
                    stroke++;
                    strokeStartChainage = chainageM;
                    (thrust, ratio) = StrokeParameters(rng);
                }
            }

            bearing += (36 + 30 * f / (cutters * 315.0) - bearing) * Math.Min(1, dt / 40);
            gear += (40 + 40 * power / 2500 - gear) * Math.Min(1, dt / 20);
            hydraulic += (40 + 18 * f / (cutters * 315.0) + (boring ? 0 : 8) - hydraulic) * Math.Min(1, dt / 30);
            var ms = t.ToUnixTimeMilliseconds();
            lines.Add(string.Format(Inv,
                "tbm,id={0},site={1} chainage_m={2:0.###},stroke={3}i,thrust_kn={4:0.#},torque_knm={5:0.#},rpm={6:0.###},penetration_mm_rev={7:0.###},advance_mm_min={8:0.##},gripper_pressure_bar={9:0.#},main_bearing_temp_c={10:0.##},gear_oil_temp_c={11:0.##},hydraulic_oil_temp_c={12:0.##},power_kw={13:0.#},boring={14} {15}",
                id, site, chainageM, stroke, f, torque, rpm, penetration, advance, gripper, bearing, gear, hydraulic, power, boring ? "true" : "false", ms));
            if (t >= nextWearRound)
            {
                // A wear round: every disc measured, as a maintenance crew does at each stop.
                nextWearRound = t + TimeSpan.FromHours(1.5);
                for (var i = 0; i < cutters; i++)
                {
                    var wear = baseWear[i] + rate[i] * (chainageM - startChainage);
                    lines.Add(string.Format(Inv, "tbm_cutter,id={0},position={1} wear_mm={2:0.##},replaced=false {3}", id, i + 1, wear, ms + i));
                }
            }
        }

        return lines;
    }

    private static (double Thrust, double Ratio) StrokeParameters(Random rng)
    {
        var thrust = 50 * 315.0 * (0.70 + rng.NextDouble() * 0.16);
        var ratio = rng.NextDouble() < 0.8 ? 0.38 + rng.NextDouble() * 0.16 : (rng.NextDouble() < 0.5 ? 0.26 + rng.NextDouble() * 0.06 : 0.60 + rng.NextDouble() * 0.08);
        return (thrust, ratio);
    }

    /// <summary>Truck lines every <paramref name="step"/>, driving the G318 from <paramref name="startKm"/> (odometer = route km).</summary>
    public static List<string> Truck(string id, string fleet, DateTimeOffset from, DateTimeOffset to, int seed, double startKm, double socPct, TimeSpan step)
    {
        var rng = new Random(seed);
        var route = KnownRoutes.G318;
        var lines = new List<string>();
        var km = startKm;
        double battery = 24, motor = 55, inverter = 45, pads = 8.5 - seed % 3;
        const double mass = 4500;
        for (var t = from; t <= to; t += step)
        {
            var dt = step.TotalSeconds;
            var speed = Math.Max(0, 44 + 10 * Math.Sin(t.ToUnixTimeSeconds() / 900.0 + seed) + (rng.NextDouble() - 0.5) * 6);
            var dKm = speed * dt / 3600;
            var alt0 = route.AltitudeAt(km);
            var alt1 = route.AltitudeAt(km + dKm);
            var density = AirDensity.Isa(alt0);
            var v = speed / 3.6;
            var wheelJ = mass * 9.81 * (alt1 - alt0) + 0.012 * mass * 9.81 * dKm * 1000 + 0.5 * density * 2.0 * v * v * dKm * 1000;
            var batteryJ = wheelJ > 0 ? wheelJ / 0.9 : wheelJ * 0.6;
            var power = batteryJ / dt / 1000;
            socPct = Math.Clamp(socPct - batteryJ / 3.6e6, 0, 100);
            km += dKm;
            var ambient = 22 - 6.5 * alt1 / 1000;
            // The pack is heated to at least 18 °C, as cold-climate trucks do.
            battery += (Math.Max(18, ambient + 12) + Math.Max(0, power) / 12 - battery) * dt / 1800;
            motor += (ambient + 40 + Math.Max(0, power) / 2.2 - motor) * dt / 600;
            inverter += (ambient + 30 + Math.Abs(power) / 5 - inverter) * dt / 400;
            if (power < -5)
            {
                pads -= 0.0004 * -power * dt / 3600;
            }

            var voltage = 600 + socPct * 1.0;
            lines.Add(string.Format(Inv,
                "truck,id={0},fleet={1} odometer_km={2:0.###},lat={3:0.#####},lon={4:0.#####},altitude_m={5:0.#},speed_kmh={6:0.#},soc_pct={7:0.##},battery_temp_c={8:0.##},motor_temp_c={9:0.##},inverter_temp_c={10:0.##},ambient_temp_c={11:0.#},battery_voltage_v={12:0.#},battery_current_a={13:0.#},power_kw={14:0.##},brake_pad_mm={15:0.###} {16}",
                id, fleet, km, 30.66 - km / 2714 * 2.5, 104.06 - km / 2714 * 17.2, alt1, speed, socPct, battery, motor, inverter, ambient, voltage, power * 1000 / voltage, power, pads, t.ToUnixTimeMilliseconds()));
        }

        return lines;
    }

    /// <summary>Posts lines in request-sized chunks (time order kept, so the twins integrate them in order).</summary>
    public static async Task PostAsync(BrowserPlatformFixture platform, IEnumerable<string> lines, int chunk = 2000)
    {
        var batch = new StringBuilder();
        var n = 0;
        foreach (var line in lines)
        {
            batch.Append(line).Append('\n');
            if (++n == chunk)
            {
                await platform.PostLinesAsync(batch.ToString());
                batch.Clear();
                n = 0;
            }
        }

        if (n > 0)
        {
            await platform.PostLinesAsync(batch.ToString());
        }
    }
}
