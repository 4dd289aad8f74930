using Equipment.Telemetry.Ingest;

namespace Equipment.Gateway.Spool;

/// <summary>One spooled request: its per-machine batches and where its record lies in the log.</summary>
/// <param name="Position">Log position of the record's first byte.</param>
/// <param name="End">Log position just past the record: the checkpoint may move here once it is delivered.</param>
/// <param name="ReceivedUnixMs">When the gateway accepted it, for the delivery lag.</param>
public sealed record SpoolEntry(long Position, long End, long ReceivedUnixMs, IReadOnlyList<EquipmentLines> Batches, int Points);
