using Equipment.Domain.Alerts;
using Equipment.Domain.Routes;
using Equipment.Domain.Tbm;
using Equipment.Domain.Telemetry;
using Equipment.Domain.Truck;
using Microsoft.Extensions.Time.Testing;

namespace Equipment.Domain.Tests;

/// <summary>Busy twins for serialisation and memory tests: many strokes, every cutter, many runs, open alerts.</summary>
internal static class TwinFeeds
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    public static TbmTwin BusyTbm(int strokes = 300, int samplesPerStroke = 200)
    {
        var time = new FakeTimeProvider(T0);
        var parameters = new TbmParameters();
        var twin = new TbmTwin("tbm-a", parameters, time);
        var t = T0;
        var chainage = 0.0;
        for (var stroke = 0; stroke < strokes; stroke++)
        {
            for (var k = 0; k < samplesPerStroke; k++)
            {
                t = t.AddSeconds(10);
                chainage += 1.7 / samplesPerStroke;
                twin.Apply(new TbmSample(t, chainage, stroke, 9000 + 13 * (k % 50), 1500 + 7 * (k % 30), 6, 8 + 0.01 * (k % 40), 60,
                    250, 50, 60, 55, 2000, Boring: k % 10 != 9));
            }

            if (stroke % 25 == 0)
                for (var position = 1; position <= parameters.CutterCount; position++)
                    twin.Apply(new CutterSample(t, position, WearMm: stroke / 25.0 + position * 0.01, Replaced: stroke == 0));
        }

        twin.Apply(new TbmSample(t.AddSeconds(1), GearOilTempC: 85, MainBearingTempC: 80));
        time.SetUtcNow(t.AddSeconds(1));
        var raised = twin.EvaluateAlerts();
        twin.Acknowledge(raised.First().Alert.Id, "operator");
        return twin;
    }

    public static TruckTwin BusyTruck(int runs = 40)
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time, KnownRoutes.G318);
        var t = T0;
        var odometer = 0.0;
        for (var run = 0; run < runs; run++)
        {
            for (var k = 0; k < 360; k++)
            {
                t = t.AddSeconds(10);
                odometer += 0.15;
                twin.Apply(new TruckSample(t, odometer, 30.0, 100.0, KnownRoutes.G318.AltitudeAt(odometer % 2714) + k % 7, 54, 90 - k * 0.1,
                    20 + k % 5, 70, 60, 5, 400, 50, k % 4 == 0 ? -20 : 40, 12 - odometer / 1000));
            }

            t = t.AddSeconds(10);
            twin.Apply(new TruckSample(t, SpeedKmh: 0, PowerKw: 0, SocPct: 9));
            // A 10-minute charge at every stop, so the bounded session log is full too.
            for (var k = 0; k < 60; k++)
            {
                t = t.AddSeconds(10);
                twin.Apply(new TruckSample(t, SpeedKmh: 0, PowerKw: 0, SocPct: 9 + (k * 0.1), BatteryCurrentA: -150, BatteryVoltageV: 380, BatteryTempC: 25, Charging: 1));
            }

            t = t.AddSeconds(10);
            twin.Apply(new TruckSample(t, SpeedKmh: 0, BatteryCurrentA: 0, Charging: 3));
            t = t.AddMinutes(11);
            time.SetUtcNow(t);
            twin.Tick();
        }

        twin.Apply(new TruckSample(t, BatteryTempC: 60));
        twin.EvaluateAlerts();
        return twin;
    }
}
