using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Domain.Alerts;
using Equipment.Domain.Battery;
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

    public Task<ChargingSession[]> GetChargingSessions() => Task.FromResult(_twin.ChargingSessions.ToArray());

    public Task<BatteryHealth> GetBatteryHealth() => Task.FromResult(_twin.BatteryHealth());

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
        Dictionary<long, ArrayExtremes>? arrays = null;
        HashSet<long>? withExtremes = null;
        while (reader.Read(out var line) == ReadStatus.Line)
        {
            // truck_cells and truck_probes are not samples of the twin; their extremes stand in for missing ones.
            var isCells = line.Measurement.SequenceEqual("truck_cells"u8);
            if (isCells || line.Measurement.SequenceEqual("truck_probes"u8))
            {
                arrays ??= [];
                arrays[line.Timestamp] = arrays.GetValueOrDefault(line.Timestamp).With(line, isCells);
                continue;
            }

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

            WriteBalance(sample, line.Timestamp, derived);
            if (sample.CellVoltageMaxV is not null && sample.CellVoltageMinV is not null && sample.BatteryTempMinC is not null)
            {
                (withExtremes ??= []).Add(line.Timestamp);
            }

            foreach (var session in _twin.TakeClosedSessions())
            {
                WriteSession(session, derived);
            }
        }

        if (arrays is not null)
        {
            ApplyArrays(arrays, withExtremes, derived);
        }
    }

    /// <summary>
    /// A device that sends <c>truck_cells</c>/<c>truck_probes</c> but not the extremes in its <c>truck</c> line (the
    /// gateway's GB/T mapping always sends them): the spreads come from the arrays, over every subsystem of the same
    /// time. They are stored like the others and, for the newest sample, also reach the twin (its alert rules).
    /// </summary>
    private void ApplyArrays(Dictionary<long, ArrayExtremes> arrays, HashSet<long>? withExtremes, ByteBuffer derived)
    {
        foreach (var (ns, e) in arrays)
        {
            if (withExtremes?.Contains(ns) == true)
            {
                continue;
            }

            var sample = new Equipment.Domain.Telemetry.TruckSample(LiveState.FromNs(ns),
                BatteryTempC: e.ProbeMax, BatteryTempMinC: e.ProbeMin,
                CellVoltageMaxV: e.CellMaxMv / 1000, CellVoltageMinV: e.CellMinMv / 1000);
            if (State.Twin.LastTelemetryAt == sample.Timestamp)
            {
                _twin.Apply(sample);
            }

            WriteBalance(sample, ns, derived);
        }
    }

    /// <summary>
    /// The spreads derived from this line's own extremes go into the same <c>truck</c> point (same series and time), so
    /// history, rollups and CSV chart them like any field.
    /// </summary>
    private void WriteBalance(Equipment.Domain.Telemetry.TruckSample sample, long timestampNs, ByteBuffer derived)
    {
        var cells = BatteryBalance.CellSpreadMv(sample);
        var probes = BatteryBalance.ProbeSpreadC(sample);
        if (cells is null && probes is null)
        {
            return;
        }

        new LineProtocolWriter(derived, "truck")
            .Tag("fleet", Group)
            .Tag("id", Id)
            .Field("cell_spread_mv", cells)
            .Field("probe_spread_c", probes)
            .End(timestampNs);
    }

    /// <summary>One <c>truck_charge</c> point per closed charging session, at its end.</summary>
    private void WriteSession(ChargingSession c, ByteBuffer derived) =>
        new LineProtocolWriter(derived, "truck_charge")
            .Tag("id", Id)
            .Tag("fleet", Group)
            .Field("start_soc_pct", c.StartSocPct)
            .Field("end_soc_pct", c.EndSocPct)
            .Field("duration_s", c.DurationS)
            .Field("energy_kwh", c.EnergyKwh)
            .Field("charge_ah", c.ChargeAh)
            .Field("peak_power_kw", c.PeakPowerKw)
            .Field("battery_temp_min_c", c.BatteryTempMinC)
            .Field("battery_temp_max_c", c.BatteryTempMaxC)
            .Field("gap_s", c.GapS)
            .Field("capacity_ah", c.CapacityAh)
            .Field("soh_pct", c.SohPct)
            .Field("excluded", c.Excluded)
            .End(LineProtocolWriter.ToNanoseconds(c.End));

    /// <summary>A stopped truck's open run closes <see cref="AltitudeRunTracker.StopDuration"/> after it stopped.</summary>
    protected override DateTimeOffset? TimeWorkDue(DateTimeOffset lastReceived) =>
        State.Twin.Runs.Open is { StoppedSince: { } since } ? since + AltitudeRunTracker.StopDuration + TimeSpan.FromSeconds(1) : null;

    protected override bool TickTwin(ByteBuffer derived)
    {
        var closed = _twin.Tick();
        var sessions = _twin.TakeClosedSessions();
        foreach (var session in sessions)
        {
            WriteSession(session, derived);
        }

        if (closed is not null)
        {
            WriteRun(closed, derived);
        }

        return closed is not null || sessions.Count > 0;
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

    /// <summary>
    /// One <c>truck_run</c> point per closed run, at its end; <c>start_ns</c> (integer, ns since the epoch like the point's
    /// time) lets <c>GET /api/trucks/{id}/runs</c> read back the same element the twin answers with.
    /// </summary>
    private void WriteRun(AltitudeRun r, ByteBuffer derived)
    {
        var start = r.Start ?? r.End ?? Time.GetUtcNow();
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
            .Field("start_route_km", r.StartRouteKm)
            .Field("end_route_km", r.EndRouteKm)
            .Field("leg", r.Leg)
            .Field("start_ns", LineProtocolWriter.ToNanoseconds(start))
            .End(LineProtocolWriter.ToNanoseconds(r.End ?? start));
    }
}
