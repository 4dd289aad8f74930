namespace Equipment.Telemetry.Schema;

/// <summary>A measurement of the telemetry schema: which equipment kind it feeds and which fields it interprets.</summary>
public sealed class MeasurementSchema
{
    public MeasurementSchema(string name, EquipmentKind kind, string? scopeTag, string? positionTag, IReadOnlyList<FieldSchema> fields)
    {
        Name = name;
        NameUtf8 = System.Text.Encoding.UTF8.GetBytes(name);
        Kind = kind;
        ScopeTag = scopeTag;
        ScopeTagUtf8 = scopeTag is null ? [] : System.Text.Encoding.UTF8.GetBytes(scopeTag);
        PositionTag = positionTag;
        PositionTagUtf8 = positionTag is null ? [] : System.Text.Encoding.UTF8.GetBytes(positionTag);
        Fields = fields;
    }

    public string Name { get; }

    public byte[] NameUtf8 { get; }

    public EquipmentKind Kind { get; }

    /// <summary>The optional grouping tag a token may be scoped to (<c>site</c> or <c>fleet</c>).</summary>
    public string? ScopeTag { get; }

    public byte[] ScopeTagUtf8 { get; }

    public byte[] PositionTagUtf8 { get; }

    /// <summary>A further required tag, an integer (the cutter position of <c>tbm_cutter</c>).</summary>
    public string? PositionTag { get; }

    public IReadOnlyList<FieldSchema> Fields { get; }

    /// <summary>Index into <see cref="Fields"/>, or -1 for a field that is stored but not interpreted.</summary>
    public int IndexOf(ReadOnlySpan<byte> name)
    {
        var fields = Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (name.SequenceEqual(fields[i].NameUtf8))
            {
                return i;
            }
        }

        return -1;
    }
}
