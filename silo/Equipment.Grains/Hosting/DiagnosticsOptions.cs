namespace Equipment.Grains.Hosting;

/// <summary>
/// Silo diagnostics (section <c>Diagnostics</c>). <c>CallCountsFile</c>: when set, every grain call is counted per
/// grain type, method and activation and the counts are written there as JSON every few seconds (the <c>scale</c>
/// benchmark reads them to show that no grain serialises the cluster). Off by default: counting costs a dictionary
/// update per call.
/// </summary>
public sealed class DiagnosticsOptions
{
    public const string Section = "Diagnostics";

    public string? CallCountsFile { get; set; }
}
