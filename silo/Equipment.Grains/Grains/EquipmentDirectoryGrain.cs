using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Microsoft.Extensions.Logging;

namespace Equipment.Grains.Grains;

/// <summary>
/// Every machine the platform has seen or registered, so the dashboard can list them without scanning
/// InfluxDB. Every <see cref="SweepInterval"/> it ticks each twin: that is what notices a machine has gone
/// silent (the offline rule), closes a parked truck's run and saves twin state, even with no telemetry.
/// </summary>
public sealed class EquipmentDirectoryGrain(
    [PersistentState("directory", EquipmentStorage.Name)] IPersistentState<EquipmentDirectoryState> state,
    ILogger<EquipmentDirectoryGrain> logger) : Grain, IEquipmentDirectoryGrain
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(15);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(SweepInterval, SweepInterval) { Interleave = true, KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task Register(EquipmentEntry entry)
    {
        if (state.State.Kinds.TryGetValue(entry.Id, out var kind) && kind == entry.Kind)
        {
            return;
        }

        state.State.Kinds[entry.Id] = entry.Kind;
        await state.WriteStateAsync();
    }

    public Task<int> Count() => Task.FromResult(state.State.Kinds.Count);

    public Task<EquipmentEntry?> Find(string id) =>
        Task.FromResult(state.State.Kinds.TryGetValue(id, out var kind) ? new EquipmentEntry(id, kind) : null);

    public Task<EquipmentEntry[]> List() =>
        Task.FromResult(state.State.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => new EquipmentEntry(k.Key, k.Value)).ToArray());

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var ticks = state.State.Kinds
            .Select(k => EquipmentGrains.Get(GrainFactory, new EquipmentEntry(k.Key, k.Value)))
            .OfType<IEquipmentGrain>()
            .Select(async g =>
            {
                try
                {
                    await g.Tick();
                }
                catch (Exception e)
                {
                    logger.LogWarning("Tick of {Grain} failed: {Message}", g.GetPrimaryKeyString(), e.Message);
                }
            });
        await Task.WhenAll(ticks);
    }
}
