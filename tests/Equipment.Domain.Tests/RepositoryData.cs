namespace Equipment.Domain.Tests;

/// <summary>Finds the repository's own <c>data/</c> folder (the clone's copy, with licence and source).</summary>
internal static class RepositoryData
{
    public static string PathOf(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Equipment.sln")))
                return Path.Combine([dir.FullName, "data", .. parts]);
        }

        throw new DirectoryNotFoundException($"Equipment.sln not found above {AppContext.BaseDirectory}.");
    }

    public static string ReadAllText(params string[] parts) => File.ReadAllText(PathOf(parts));
}
