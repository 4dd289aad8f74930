using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Equipment.Grains.Hosting;

/// <summary>
/// Counts incoming grain calls per grain type, method and activation (see <see cref="DiagnosticsOptions"/>) and writes
/// them to <c>Diagnostics:CallCountsFile</c> every <see cref="WriteInterval"/> and on shutdown.
/// </summary>
public sealed class CallCounter(IOptions<DiagnosticsOptions> options) : BackgroundService, IIncomingGrainCallFilter
{
    public static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Type, string Method), long> _methods = new();
    private readonly ConcurrentDictionary<(string Type, string Key), long> _grains = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var type = context.TargetId.Type.ToString() ?? "?";
        _methods.AddOrUpdate((type, context.MethodName), 1, (_, n) => n + 1);
        _grains.AddOrUpdate((type, context.TargetId.Key.ToString() ?? ""), 1, (_, n) => n + 1);
        await context.Invoke();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CallCountsFile is not { Length: > 0 } file)
        {
            return;
        }

        using var timer = new PeriodicTimer(WriteInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteAsync(file);
            }
        }
        catch (OperationCanceledException)
        {
            await WriteAsync(file);
        }
    }

    private async Task WriteAsync(string file)
    {
        var types = _grains
            .GroupBy(g => g.Key.Type)
            .ToDictionary(g => g.Key, g => new
            {
                calls = g.Sum(x => x.Value),
                activations = g.Count(),
                maxPerActivation = g.Max(x => x.Value),
                busiest = g.MaxBy(x => x.Value).Key.Key,
                methods = _methods.Where(m => m.Key.Type == g.Key).ToDictionary(m => m.Key.Method, m => m.Value),
            });
        var temp = file + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(types));
        File.Move(temp, file, overwrite: true);
    }
}
