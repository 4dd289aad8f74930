using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Equipment.Testing;

/// <summary>
/// A private Debian <c>mosquitto</c> on a free loopback port, anonymous, with persistence in a temp folder so a
/// stopped and restarted broker still holds persistent sessions and their queued QoS 1 messages.
/// </summary>
public sealed class MosquittoServer : IAsyncDisposable
{
    private readonly string _folder;
    private Process? _process;

    private MosquittoServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string Host => "127.0.0.1";

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public string Log => File.Exists(Path.Combine(_folder, "mosquitto.log")) ? File.ReadAllText(Path.Combine(_folder, "mosquitto.log")) : "";

    public static async Task<MosquittoServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "equipment-mosquitto-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var server = new MosquittoServer(folder, FreePort.Next());
        var config = string.Join('\n',
            $"listener {server.Port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1",
            "allow_anonymous true",
            // Started as root, mosquitto would drop to user 'mosquitto', which cannot write the temp folder.
            "user " + Environment.UserName,
            "persistence true",
            $"persistence_location {folder}/",
            // A subscriber that is away (a killed gateway) must find all of a test's stream queued when it is back.
            "max_queued_messages 1000000",
            "max_queued_bytes 0",
            "max_inflight_messages 100",
            "log_dest file " + Path.Combine(folder, "mosquitto.log"),
            "log_type error",
            "log_type warning",
            "log_type notice",
            "");
        await File.WriteAllTextAsync(Path.Combine(folder, "mosquitto.conf"), config);
        await server.StartAsync(TimeSpan.FromSeconds(20));
        return server;
    }

    public async Task StartAsync(TimeSpan timeout)
    {
        var binary = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto not found: ./test.sh installs Debian's mosquitto package");
        _process = Process.Start(new ProcessStartInfo(binary, ["-c", Path.Combine(_folder, "mosquitto.conf")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        }) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {Log}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(Host, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"mosquitto did not listen on {Port} within {timeout}");
    }

    /// <summary>SIGTERM: mosquitto saves its persistence file and closes every connection.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } p)
        {
            Process.Start("kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
