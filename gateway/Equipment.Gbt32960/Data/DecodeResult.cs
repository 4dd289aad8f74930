namespace Equipment.Gbt32960.Data;

/// <summary>A decoded data unit, or why it could not be decoded (never both).</summary>
public readonly record struct DecodeResult<T>(T? Value, string? Error)
    where T : class
{
    public bool Ok => Error is null;
}
