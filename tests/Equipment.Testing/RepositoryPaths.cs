namespace Equipment.Testing;

/// <summary>Finds the repository and the <c>shared/</c> folder beside it, wherever the clone lives.</summary>
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

    /// <summary>The shared data folder: <c>../shared</c> of the repository, or <c>shared</c> inside it.</summary>
    public static string Shared
    {
        get
        {
            var root = Root;
            foreach (var candidate in new[] { Path.Combine(root, "..", "shared"), Path.Combine(root, "shared") })
            {
                if (Directory.Exists(Path.Combine(candidate, "data")))
                {
                    return Path.GetFullPath(candidate);
                }
            }

            throw new DirectoryNotFoundException("shared/data not found beside " + root);
        }
    }
}
