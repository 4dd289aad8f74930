using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Orleans.Concurrency;

namespace Equipment.Grains.Grains;

/// <summary>Fans a coalesced delivery out to the twins (calls inside the silo are cheap; gateway→silo calls are not).</summary>
[StatelessWorker]
public sealed class IngestGrain : Grain, IIngestGrain
{
    public Task Ingest(MachineTelemetry[] machines)
    {
        var calls = new Task[machines.Length];
        for (var i = 0; i < machines.Length; i++)
        {
            var m = machines[i];
            calls[i] = EquipmentGrains.Get(GrainFactory, new EquipmentEntry(m.Id, m.Kind))!.Ingest(m.Batch);
        }

        return Task.WhenAll(calls);
    }
}
