using System.Diagnostics;

namespace Equipment.Testing;

/// <summary>A child process (silo or gateway) with the tail of its output kept for a failure report.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Queue<string> _tail = new();
    private readonly Process _process;

    public ChildProcess(string name, string fileName, IEnumerable<string> args, IDictionary<string, string> env, string workingDirectory)
    {
        Name = name;
        var info = new ProcessStartInfo(fileName, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The hosts take their content root (and so appsettings.json) from the working directory.
            WorkingDirectory = workingDirectory,
        };
        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Set when the test killed it, so an exit is expected.</summary>
    public bool WasKilled { get; private set; }

    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>SIGKILL (Process.Kill on Unix), as a crash: no shutdown hooks run.</summary>
    public void Kill()
    {
        WasKilled = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 80)
            {
                _tail.Dequeue();
            }
        }
    }
}
