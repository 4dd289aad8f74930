namespace Equipment.Domain.Tests;

/// <summary>Finds the shared data folder, which sits next to (not inside) the repository.</summary>
internal static class SharedData
{
    public static string PathOf(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var data = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(data, "tbm-strokes")))
                return Path.Combine([data, .. parts]);
        }

        throw new DirectoryNotFoundException(
            $"No folder D with D/shared/data/tbm-strokes above {AppContext.BaseDirectory}.");
    }

    public static string ReadAllText(params string[] parts) => File.ReadAllText(PathOf(parts));
}
