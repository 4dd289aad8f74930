using Equipment.Telemetry.Schema;

namespace Equipment.Telemetry.Ingest;

/// <summary>The scope of the development token: every equipment.</summary>
public sealed class UnrestrictedScope : IWriteScope
{
    public static UnrestrictedScope Instance { get; } = new();

    public bool Allows(EquipmentKind kind, ReadOnlySpan<byte> id, ReadOnlySpan<byte> group) => true;
}
