namespace Equipment.Simulator.Tbm;

/// <summary>
/// Stops between strokes of a mining TBM: waiting for the muck train (rail haulage, after every stroke), rock support
/// (bolting and mesh, on a share of the strokes) and changing worn cutters beyond what fits in the maintenance stop.
/// </summary>
public sealed record TbmDelays(
    double HaulageMinS, double HaulageMaxS, double SupportChance, double SupportMinS, double SupportMaxS, double CutterChangePerCutterS)
{
    public static TbmDelays None { get; } = new(0, 0, 0, 0, 0, 0);
}
