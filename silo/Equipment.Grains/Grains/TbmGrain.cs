using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Domain.Alerts;
using Equipment.Domain.Tbm;
using Equipment.Grains.Influx;
using Equipment.Grains.Live;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.LineProtocol;
using Microsoft.Extensions.Options;

namespace Equipment.Grains.Grains;

/// <summary>The twin of one TBM: KPIs, stroke classification, cutter wear and alerts, by <see cref="TbmTwin"/>.</summary>
public sealed class TbmGrain(
    ITelemetryWriter writer,
    TimeProvider time,
    IOptions<AlertRuleSettings> rules,
    IOptions<TwinOptions> twins,
    [PersistentState("twin", EquipmentStorage.Name)] IPersistentState<TbmGrainState> state)
    : EquipmentGrain<TbmGrainState>(writer, time, state, twins.Value), ITbmGrain
{
    private TbmTwin _twin = null!;

    protected override string Kind => "tbm";

    public Task<StrokeSummary[]> GetStrokes() => Task.FromResult(_twin.Strokes.ToArray());

    public Task<CutterWear[]> GetCutterWear() => Task.FromResult(_twin.CutterWear.ToArray());

    protected override void BuildTwin()
    {
        var registration = State.Registration;
        _twin = new TbmTwin(
            Id,
            registration.Tbm ?? new TbmParameters(),
            Time,
            State.Twin,
            rules.Value.Tbm.Select(r => r.ToOverride()),
            registration.Rules);
    }

    protected override void ApplyToTwin(ReadOnlySpan<byte> lines, ByteBuffer derived)
    {
        var reader = new LineProtocolReader(lines);
        while (reader.Read(out var line) == ReadStatus.Line)
        {
            if (line.Measurement.SequenceEqual("tbm"u8))
            {
                if (_twin.Apply(SampleMapper.ToTbm(line)) is { } closed)
                {
                    WriteStroke(closed, derived, line.Timestamp);
                }
            }
            else if (SampleMapper.ToCutter(line) is { } cutter)
            {
                _twin.Apply(cutter);
            }
        }
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
        new LineProtocolWriter(derived, "tbm_kpi")
            .Tag("id", Id)
            .Tag("site", Group)
            .Field("chainage_m", k.ChainageM)
            .Field("advance_rate_m_h", k.BoringAdvanceRateMPerH)
            .Field("shift_advance_m", k.ShiftAdvanceM)
            .Field("shift_utilisation", k.ShiftUtilisation)
            .Field("day_advance_m", k.DayAdvanceM)
            .Field("day_utilisation", k.DayUtilisation)
            .Field("thrust_per_cutter_kn", k.ThrustPerCutterKn)
            .Field("torque_ratio", k.TorqueRatio)
            .Field("fpi_kn_per_mm_rev", k.FieldPenetrationIndex)
            .Field("specific_energy_mj_m3", k.SpecificEnergyMjPerM3)
            .Field("max_cutter_wear_mm", k.MaxCutterWearMm)
            .Field("boring", k.Boring)
            .End(timestampNs);
    }

    protected override EquipmentSnapshot Decorate(EquipmentSnapshot snapshot) =>
        snapshot with { Tbm = _twin.Snapshot(), OpenAlerts = _twin.OpenAlerts.ToArray() };

    /// <summary>One <c>tbm_stroke</c> point per closed stroke, at the time of the line that closed it.</summary>
    private void WriteStroke(StrokeSummary s, ByteBuffer derived, long timestampNs) =>
        new LineProtocolWriter(derived, "tbm_stroke")
            .Tag("id", Id)
            .Tag("site", Group)
            .Tag("class", s.Mean.AdvanceClass.ToString().ToLowerInvariant())
            .Field("stroke", s.Stroke)
            .Field("chainage_start_m", s.ChainageStartM)
            .Field("chainage_end_m", s.ChainageEndM)
            .Field("samples", (long)s.Samples)
            .Field("penetration_mm_rev_mean", s.Mean.PenetrationMmRev)
            .Field("thrust_kn_mean", s.Mean.ThrustKn)
            .Field("torque_knm_mean", s.Mean.TorqueKnm)
            .Field("rpm_mean", s.Mean.Rpm)
            .Field("torque_ratio_mean", s.Mean.TorqueRatio)
            .Field("penetration_mm_rev_median", s.Median.PenetrationMmRev)
            .Field("thrust_kn_median", s.Median.ThrustKn)
            .Field("torque_knm_median", s.Median.TorqueKnm)
            .Field("rpm_median", s.Median.Rpm)
            .Field("torque_ratio_median", s.Median.TorqueRatio)
            .Field("class_median", s.Median.AdvanceClass.ToString().ToLowerInvariant())
            .End(timestampNs);
}
