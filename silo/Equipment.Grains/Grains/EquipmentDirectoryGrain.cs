using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;

namespace Equipment.Grains.Grains;

/// <summary>Every machine the platform has seen, so the dashboard can list them without scanning InfluxDB.</summary>
public sealed class EquipmentDirectoryGrain(
    [PersistentState("directory", EquipmentStorage.Name)] IPersistentState<EquipmentDirectoryState> state) : Grain, IEquipmentDirectoryGrain
{
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

    public Task<EquipmentEntry[]> List() =>
        Task.FromResult(state.State.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => new EquipmentEntry(k.Key, k.Value)).ToArray());
}
