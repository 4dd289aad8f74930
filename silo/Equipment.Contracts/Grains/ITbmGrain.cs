using Equipment.Contracts.Messages;
using Equipment.Domain.Tbm;

namespace Equipment.Contracts.Grains;

/// <summary>The twin of one tunnel boring machine, keyed by its equipment id.</summary>
[Alias("equipment.ITbmGrain")]
public interface ITbmGrain : IEquipmentGrain
{
    /// <summary>Stroke-wise advance classification: closed strokes (oldest first, bounded) and the open one.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<StrokeSummary[]> GetStrokes();

    [Orleans.Concurrency.AlwaysInterleave]
    Task<CutterWear[]> GetCutterWear();

    /// <summary>Cutter-change plan: due positions before the next maintenance stop, discs needed, abnormal wear.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<CutterPlan> GetCutterPlan();
}
