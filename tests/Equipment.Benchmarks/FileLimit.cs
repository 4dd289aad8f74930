using System.Runtime.InteropServices;

namespace Equipment.Benchmarks;

/// <summary>
/// 10,000 sockets need more descriptors than the usual soft limit of 1,024: the soft RLIMIT_NOFILE is raised
/// to the hard limit for this process, and the silo and gateway started afterwards inherit it.
/// </summary>
public static class FileLimit
{
    private const int RlimitNofile = 7;

    public static (ulong Soft, ulong Hard) RaiseToHard()
    {
        if (!OperatingSystem.IsLinux() || getrlimit(RlimitNofile, out var limit) != 0)
        {
            return (0, 0);
        }

        if (limit.Current < limit.Max)
        {
            var raised = limit with { Current = limit.Max };
            if (setrlimit(RlimitNofile, in raised) == 0)
            {
                limit = raised;
            }
        }

        return (limit.Current, limit.Max);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrlimit(int resource, out Rlimit limit);

    [DllImport("libc", SetLastError = true)]
    private static extern int setrlimit(int resource, in Rlimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private record struct Rlimit(ulong Current, ulong Max);
}
