using Equipment.Simulator.Tbm;

namespace Equipment.Simulator.Replay;

public sealed record ReplayMachine(string Id, string Name, string FileName, TbmParameters Parameters)
{
    public const string Site = "replay";

    public static IReadOnlyList<ReplayMachine> Shared { get; } =
    [
        new("tbm-a", "TBM A", "tbm_a_strokes.csv", TbmParameters.A),
        new("tbm-b", "TBM B", "tbm_b_strokes.csv", TbmParameters.B),
        new("tbm-c", "TBM C", "tbm_c_strokes.csv", TbmParameters.C),
    ];
}
