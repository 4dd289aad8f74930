using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Grains.Grains;

namespace Equipment.Grains.Security;

/// <summary>The truck a VIN belongs to, persisted in the equipment storage.</summary>
public sealed class VinRegistryGrain(
    [PersistentState("vin", EquipmentStorage.Name)] IPersistentState<VinRegistryState> state) : Grain, IVinRegistryGrain
{
    public async Task Bind(VinBinding binding)
    {
        if (state.State.Binding == binding)
        {
            return;
        }

        state.State.Binding = binding;
        await state.WriteStateAsync();
    }

    public async Task Unbind(string equipmentId)
    {
        if (state.State.Binding?.EquipmentId != equipmentId)
        {
            return;
        }

        state.State.Binding = null;
        await state.WriteStateAsync();
    }

    public Task<VinBinding?> Get() => Task.FromResult(state.State.Binding);
}
