using Equipment.Telemetry.Schema;

namespace Equipment.Telemetry.Ingest;

/// <summary>Decides whether the caller's token may write for one equipment (spans, so the check allocates nothing).</summary>
public interface IWriteScope
{
    bool Allows(EquipmentKind kind, ReadOnlySpan<byte> id, ReadOnlySpan<byte> group);
}
