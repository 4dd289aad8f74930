namespace Equipment.Simulator.Core;

/// <summary>
/// Data files live in the repository's top-level <c>data/</c> folder; they are found by
/// walking up from the working directory and from the binary's folder.
/// </summary>
public static class DataFileLocator
{
    public static string? FindUpward(string relativePath, params string[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static string Resolve(string? explicitPath, string relativePath, string optionName)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) || Directory.Exists(explicitPath)
                ? explicitPath
                : throw new FileNotFoundException($"{explicitPath} (given with {optionName}) does not exist");
        }

        return FindUpward(relativePath, Directory.GetCurrentDirectory(), AppContext.BaseDirectory)
            ?? throw new FileNotFoundException(
                $"could not find {relativePath} above the current directory or the program's folder; pass it with {optionName}");
    }
}
