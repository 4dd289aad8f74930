namespace Equipment.Domain.Tests;

/// <summary>The repository's route data (data/routes), found upward from the test binaries.</summary>
internal static class RouteData
{
    public static string ReadAllText(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "data", "routes", file);
            if (File.Exists(Path.Combine(dir.FullName, "Equipment.sln")) && File.Exists(path)) return File.ReadAllText(path);
        }

        throw new FileNotFoundException($"data/routes/{file} not found above {AppContext.BaseDirectory}.");
    }
}
