namespace Equipment.Testing;

/// <summary>Finds the repository and its <c>data/</c> folder, wherever the clone lives.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Equipment.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("Equipment.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>
    /// The repository's top-level <c>data/</c> folder (stroke files, routes, each with its licence and source): tests and
    /// benchmarks read data only from the clone, never from a folder beside it.
    /// </summary>
    public static string Data => Path.Combine(Root, "data");
}
