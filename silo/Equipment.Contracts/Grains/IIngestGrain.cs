using Equipment.Contracts.Messages;

namespace Equipment.Contracts.Grains;

/// <summary>
/// The silo-side entry for coalesced deliveries: one call carries many machines' batches and hands each to its
/// twin inside the cluster, so a gateway makes a handful of calls per delivery instead of one per machine.
/// A stateless worker (key 0): it runs on the silo the call reaches, several activations per silo.
/// </summary>
public interface IIngestGrain : IGrainWithIntegerKey
{
    /// <summary>Completes when every machine's batch completed (InfluxDB stored it); fails if any failed.</summary>
    Task Ingest(MachineTelemetry[] machines);
}
