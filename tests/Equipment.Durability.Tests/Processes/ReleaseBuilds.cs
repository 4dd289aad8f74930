using System.Diagnostics;
using Equipment.Testing;

namespace Equipment.Durability.Tests.Processes;

/// <summary>
/// Finds the silo and gateway builds of the configuration this test assembly was built with (./test.sh builds
/// the solution in Release first), building them once when they are missing.
/// </summary>
public static class ReleaseBuilds
{
    private static readonly Lazy<(string Silo, string Gateway)> Located = new(Locate);

    public static string Silo => Located.Value.Silo;

    public static string Gateway => Located.Value.Gateway;

    /// <summary>The configuration folder name in this assembly's path (bin/CONFIG/net10.0).</summary>
    public static string Configuration
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return framework.Parent?.Name ?? "Release";
        }
    }

    private static (string, string) Locate()
    {
        var root = RepositoryPaths.Root;
        var configuration = Configuration;
        var silo = Path.Combine(root, $"silo/Equipment.Silo/bin/{configuration}/net10.0/Equipment.Silo.dll");
        var gateway = Path.Combine(root, $"gateway/Equipment.Gateway/bin/{configuration}/net10.0/Equipment.Gateway.dll");
        foreach (var (dll, project) in new[] { (silo, "silo/Equipment.Silo/Equipment.Silo.csproj"), (gateway, "gateway/Equipment.Gateway/Equipment.Gateway.csproj") })
        {
            if (File.Exists(dll))
            {
                continue;
            }

            using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", configuration, "-v", "quiet", "-nologo", Path.Combine(root, project)]) { UseShellExecute = false })!;
            build.WaitForExit();
            if (build.ExitCode != 0 || !File.Exists(dll))
            {
                throw new InvalidOperationException($"building {project} ({configuration}) failed with exit code {build.ExitCode}");
            }
        }

        return (silo, gateway);
    }
}
