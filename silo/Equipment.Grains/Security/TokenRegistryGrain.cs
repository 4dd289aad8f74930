using Equipment.Contracts.Security;
using Equipment.Grains.Grains;

namespace Equipment.Grains.Security;

/// <summary>Managed device tokens, persisted in the equipment storage so they survive silo restarts.</summary>
public sealed class TokenRegistryGrain(
    [PersistentState("tokens", EquipmentStorage.Name)] IPersistentState<TokenRegistryState> state) : Grain, ITokenRegistryGrain
{
    public async Task Add(DeviceTokenRecord token)
    {
        // A record carrying anything but a SHA-256 hex would mean a caller stored the secret itself.
        if (token.Hash.Length != 64 || !token.Hash.All(char.IsAsciiHexDigitUpper))
        {
            throw new ArgumentException("hash must be the upper-case hex SHA-256 of the token", nameof(token));
        }

        state.State.ById[token.Id] = token;
        await state.WriteStateAsync();
    }

    public Task<DeviceTokenRecord[]> List() =>
        Task.FromResult(state.State.ById.Values.OrderBy(t => t.Created).ToArray());

    public Task<DeviceTokenRecord?> FindByHash(string hash) =>
        Task.FromResult(state.State.ById.Values.FirstOrDefault(t => t.Hash == hash));

    public async Task<bool> Revoke(string id)
    {
        if (!state.State.ById.Remove(id))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }
}
