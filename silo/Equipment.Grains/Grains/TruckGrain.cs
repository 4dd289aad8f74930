using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Domain.Alerts;
using Equipment.Domain.Routes;
using Equipment.Domain.Truck;
using Equipment.Grains.Influx;
using Equipment.Grains.Live;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.LineProtocol;
using Microsoft.Extensions.Options;

namespace Equipment.Grains.Grains;

/// <summary>The twin of one truck: altitude runs, route position and range, brake wear and alerts, by <see cref="TruckTwin"/>.</summary>
public sealed class TruckGrain(
    ITelemetryWriter writer,
    TimeProvider time,
    IOptions<AlertRuleSettings> rules,
    IOptions<TwinOptions> twins,
    [PersistentState("twin", EquipmentStorage.Name)] IPersistentState<TruckGrainState> state)
    : EquipmentGrain<TruckGrainState>(writer, time, state, twins.Value), ITruckGrain
{
    private TruckTwin _twin = null!;

    protected override string Kind => "truck";

    public Task<AltitudeRun[]> GetRuns() => Task.FromResult(_twin.Runs.ToArray());

    protected override void BuildTwin()
    {
        var parameters = State.Registration.Truck ?? new TruckParameters();
        _twin = new TruckTwin(
            Id,
            parameters,
            Time,
            parameters.RouteId is { } route ? KnownRoutes.Find(route) : null,
            State.Twin,
            rules.Value.Truck.Select(r => r.ToOverride()),
            State.Registration.Rules);
    }

    protected override void ApplyToTwin(ReadOnlySpan<byte> lines, ByteBuffer derived)
    {
        var reader = new LineProtocolReader(lines);
        while (reader.Read(out var line) == ReadStatus.Line)
        {
            // truck_cells and truck_probes are stored for charts, not samples of the twin.
            if (!line.Measurement.SequenceEqual("truck"u8))
            {
                continue;
            }

            var sample = SampleMapper.ToTruck(line);
            if (_twin.Apply(sample) is { } closed)
            {
                WriteRun(closed, derived);
            }

            if (SampleMapper.Online(line) is { } online)
            {
                _twin.ReportConnection(online, sample.Timestamp);
            }
        }
    }

    /// <summary>A stopped truck's open run closes <see cref="AltitudeRunTracker.StopDuration"/> after it stopped.</summary>
    protected override DateTimeOffset? TimeWorkDue(DateTimeOffset lastReceived) =>
        State.Twin.Runs.Open is { StoppedSince: { } since } ? since + AltitudeRunTracker.StopDuration + TimeSpan.FromSeconds(1) : null;

    protected override bool TickTwin(ByteBuffer derived)
    {
        if (_twin.Tick() is not { } closed)
        {
            return false;
        }

        WriteRun(closed, derived);
        return true;
    }

    protected override IReadOnlyList<AlertRule> Rules => _twin.Rules;

    protected override IReadOnlyList<Alert> OpenAlerts => _twin.OpenAlerts;

    protected override IReadOnlyList<AlertEvent> EvaluateAlerts() => _twin.EvaluateAlerts(LastReceivedAt);

    protected override AlertEvent? AcknowledgeAlert(string alertId, string by) => _twin.Acknowledge(alertId, by);

    protected override (AlertShelf Shelf, AlertEvent? Event)? ShelveAlert(string ruleId, string? alertId, string by, string reason, TimeSpan duration) =>
        _twin.Shelve(ruleId, alertId, by, reason, duration);

    protected override (AlertShelf Shelf, AlertEvent? Event)? UnshelveAlert(string ruleId, string by) => _twin.Unshelve(ruleId, by);

    protected override IReadOnlyList<AlertShelf> ShelfList => _twin.Shelves;

    protected override DateTimeOffset? NextShelfExpiry => _twin.NextShelfExpiry;

    protected override void WriteKpiLine(ByteBuffer derived, long timestampNs)
    {
        var k = _twin.Snapshot();
        new LineProtocolWriter(derived, "truck_kpi")
            .Tag("id", Id)
            .Tag("fleet", Group)
            .Field("route_km", k.RoutePosition?.RouteKm)
            .Field("route_direction", k.RoutePosition?.Direction)
            .Field("altitude_m", k.AltitudeM)
            .Field("altitude_source", k.AltitudeSource)
            .Field("parked", k.Parked)
            .Field("soc_needed_pct", k.Range?.SocNeededPct)
            .Field("soc_margin_pct", k.Range?.SocMarginPct)
            .Field("run_distance_km", k.CurrentRun?.DistanceKm)
            .Field("run_energy_kwh", k.CurrentRun?.EnergyKwh)
            .Field("run_regen_kwh", k.CurrentRun?.RegenKwh)
            .Field("run_ascent_m", k.CurrentRun?.AscentM)
            .Field("brake_pad_km_left", k.BrakeWear?.KmToMinimum)
            .End(timestampNs);
    }

    protected override EquipmentSnapshot Decorate(EquipmentSnapshot snapshot) =>
        snapshot with { Truck = _twin.Snapshot(), OpenAlerts = _twin.OpenAlerts.ToArray() };

    /// <summary>One <c>truck_run</c> point per closed run, at its end.</summary>
    private void WriteRun(AltitudeRun r, ByteBuffer derived) =>
        new LineProtocolWriter(derived, "truck_run")
            .Tag("id", Id)
            .Tag("fleet", Group)
            .Field("run_id", r.RunId)
            .Field("distance_km", r.DistanceKm)
            .Field("ascent_m", r.AscentM)
            .Field("descent_m", r.DescentM)
            .Field("max_altitude_m", r.MaxAltitudeM)
            .Field("energy_kwh", r.EnergyKwh)
            .Field("regen_kwh", r.RegenKwh)
            .Field("kwh_per_100km", r.KwhPer100Km)
            .Field("kwh_per_1000m_climb", r.KwhPer1000mClimb)
            .Field("min_soc_pct", r.MinSocPct)
            .Field("battery_temp_min_c", r.BatteryTempMinC)
            .Field("battery_temp_max_c", r.BatteryTempMaxC)
            .Field("time_above_4000m_s", r.TimeAbove4000mS)
            .Field("auxiliary_kwh", r.AuxiliaryKwh)
            .Field("altitude_source", r.AltitudeSource)
            .End(LineProtocolWriter.ToNanoseconds(r.End ?? r.Start));
}
