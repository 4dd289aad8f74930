using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Grains.Influx;
using Equipment.Grains.Live;

namespace Equipment.Grains.Grains;

/// <summary>
/// What the TBM and truck twins share: apply a batch to the live state, hand its lines to the silo's
/// InfluxDB writer, and make the machine known to the directory once per activation.
/// </summary>
public abstract class EquipmentGrain(ITelemetryWriter writer, TimeProvider time) : Grain, IEquipmentGrain
{
    private readonly LiveState _live = new();
    private Task? _registration;

    protected abstract string Kind { get; }

    protected LiveState Live => _live;

    public Task Ingest(TelemetryBatch batch)
    {
        // Applied synchronously, so interleaved calls never see a half-applied batch.
        _live.Apply(batch.Lines, time.GetUtcNow());
        _registration ??= GrainFactory.GetGrain<IEquipmentDirectoryGrain>(0).Register(new EquipmentEntry(this.GetPrimaryKeyString(), Kind));
        var stored = writer.WriteAsync(batch.Lines, batch.Points);
        return _registration.IsCompletedSuccessfully ? stored : Both(_registration, stored);
    }

    public Task<EquipmentSnapshot> GetSnapshot() => Task.FromResult(_live.ToSnapshot(this.GetPrimaryKeyString(), Kind));

    private async Task Both(Task registration, Task stored)
    {
        try
        {
            await registration;
        }
        catch
        {
            // A failed registration is tried again with the next batch rather than failing this one.
            _registration = null;
        }

        await stored;
    }
}
