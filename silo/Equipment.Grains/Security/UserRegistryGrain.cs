using Equipment.Contracts.Security;
using Equipment.Grains.Grains;

namespace Equipment.Grains.Security;

/// <summary>Dashboard users managed by admins, persisted in the equipment storage.</summary>
public sealed class UserRegistryGrain(
    [PersistentState("users", EquipmentStorage.Name)] IPersistentState<UserRegistryState> state) : Grain, IUserRegistryGrain
{
    public async Task Add(UserRecord user)
    {
        // A record carrying anything but a SHA-256 hex would mean a caller stored the key itself.
        if (user.KeyHash.Length != 64 || !user.KeyHash.All(char.IsAsciiHexDigitUpper))
        {
            throw new ArgumentException("key hash must be the upper-case hex SHA-256 of the key", nameof(user));
        }

        state.State.ById[user.Id] = user;
        await state.WriteStateAsync();
    }

    public Task<UserRecord[]> List() =>
        Task.FromResult(state.State.ById.Values.OrderBy(u => u.Created).ToArray());

    public Task<UserRecord?> FindByKeyHash(string hash) =>
        Task.FromResult(state.State.ById.Values.FirstOrDefault(u => u.KeyHash == hash));

    public Task<UserRecord?> Find(string id) => Task.FromResult(state.State.ById.GetValueOrDefault(id));

    public async Task<bool> Remove(string id)
    {
        if (!state.State.ById.Remove(id))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }
}
