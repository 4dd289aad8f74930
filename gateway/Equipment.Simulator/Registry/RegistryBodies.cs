using System.Text.Json.Nodes;
using Equipment.Simulator.Tbm;
using Equipment.Simulator.Trucks;

namespace Equipment.Simulator.Registry;

/// <summary>Bodies for PUT /api/equipment/{id}, in the contract's camelCase shape.</summary>
public static class RegistryBodies
{
    /// <summary>Mean speed of a simulated truck on G318 (cruise 70 km/h, slowed on grades and by the power limit): the platform's planning speed.</summary>
    public const double MeanMountainSpeedKmh = 55;

    public static string Tbm(string name, string site, TbmParameters p, double? nextMaintenanceStopChainageM = null)
    {
        var tbm = TbmFields(p);
        if (nextMaintenanceStopChainageM is { } stop)
        {
            tbm["nextMaintenanceStop"] = new JsonObject { ["chainageM"] = Math.Round(stop, 1) };
        }

        if (p.SiteTimeZone is { } zone)
        {
            tbm["siteTimeZone"] = zone;
        }

        if (p.AdvanceTargetMPerDay is { } day)
        {
            tbm["advanceTargetMPerDay"] = day;
        }

        if (p.BoringAdvanceRateTargetMPerH is { } rate)
        {
            tbm["boringAdvanceRateTargetMPerH"] = rate;
        }

        if (p.TargetChainageM is { } target)
        {
            tbm["targetChainageM"] = target;
        }

        return new JsonObject
        {
            ["kind"] = "tbm",
            ["name"] = name,
            ["site"] = site,
            ["tbm"] = tbm,
        }.ToJsonString();
    }

    private static JsonObject TbmFields(TbmParameters p) => new()
    {
        ["cutterCount"] = p.CutterCount,
        ["cutterRadiusMm"] = p.CutterRadiusMm,
        ["cutterheadDiameterM"] = p.CutterheadDiameterM,
        ["idleTorqueKnm"] = p.IdleTorqueKnm,
        ["torqueRatioBand"] = new JsonArray(p.TorqueRatioLow, p.TorqueRatioHigh),

        // Beyond the contract's minimum, named as the platform's TbmParameters: the ratings the anomalies are measured against.
        ["nominalRpm"] = p.NominalRpm,
        ["ratedThrustPerCutterKn"] = p.RatedCutterLoadKn,
        ["ratedTorqueKnm"] = p.RatedTorqueKnm,
        ["ratedPowerKw"] = p.RatedPowerKw,

        // The limits the simulator changes cutters at are the platform's limits: one source, sent by registration.
        ["cutterWearLimitMm"] = new JsonObject
        {
            ["centre"] = p.WearLimitsMm.Centre,
            ["face"] = p.WearLimitsMm.Face,
            ["gauge"] = p.WearLimitsMm.Gauge,
        },
        ["cutterClasses"] = new JsonObject { ["centreCount"] = p.CentreCutters, ["gaugeCount"] = p.GaugeCutters },
    };

    public static string Truck(string name, string fleet, VehicleParameters v, double routeStartOdometerKm = 0, string? vin = null)
    {
        var body = TruckBody(name, fleet, v, routeStartOdometerKm);
        if (vin is not null)
        {
            // The GB/T 32960 listener accepts a T-Box's login only for a VIN a registration holds.
            body["vin"] = vin;
        }

        return body.ToJsonString();
    }

    private static JsonObject TruckBody(string name, string fleet, VehicleParameters v, double routeStartOdometerKm) => new()
    {
        ["kind"] = "truck",
        ["name"] = name,
        ["fleet"] = fleet,
        ["truck"] = new JsonObject
        {
            ["massKg"] = v.MassKg,
            ["routeId"] = "g318",
            ["routeStartOdometerKm"] = routeStartOdometerKm,
            ["batteryCapacityKwh"] = v.BatteryKwh,
            // The nameplate, not what an aged pack still holds: the platform estimates that (state of health).
            ["ratedCapacityAh"] = Math.Round(v.RatedCapacityAh, 2),
            ["rollingResistanceCoefficient"] = v.RollingResistance,
            ["dragAreaM2"] = v.DragAreaM2,
            ["drivetrainEfficiency"] = v.DrivetrainEfficiency,
            ["regenEfficiency"] = v.RegenEfficiency,
            ["maxTractionKw"] = v.MaxTractionKw,
            ["chargerKw"] = v.ChargerKw,
            ["brakePadNewMm"] = v.BrakePadNewMm,

            // The platform's range model with the simulated truck's own figures, so it never relies on a second default.
            ["reservePct"] = TruckSimulator.ReserveSocPct,
            ["plannedSpeedKmh"] = MeanMountainSpeedKmh,
            ["auxiliaryBaseKw"] = v.AuxiliaryKw,
            ["heatingKwPerK"] = v.HeatingKwPerK,
            ["heatingComfortC"] = v.HeatingComfortC,
            ["maxHeatingKw"] = v.MaxHeatingKw,
            ["minChargerKw"] = Math.Min(v.ChargerKw, 50),
        },
    };
}
