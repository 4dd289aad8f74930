using System.Globalization;

namespace Equipment.Gateway.Spool;

/// <summary>
/// Segment files are named by the log position of their first byte (<c>00000000000000000000.seg</c>), so the
/// directory listing alone orders them and maps a position to its file.
/// </summary>
public static class SpoolSegments
{
    public const string Extension = ".seg";

    public static string PathOf(string directory, long start) =>
        Path.Combine(directory, start.ToString("D20", CultureInfo.InvariantCulture) + Extension);

    /// <summary>Start positions of the segments in the directory, ascending.</summary>
    public static List<long> List(string directory)
    {
        var starts = new List<long>();
        foreach (var file in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                starts.Add(start);
            }
        }

        starts.Sort();
        return starts;
    }
}
