namespace Equipment.Grains.Live;

/// <summary>Mutable last value of one field, so applying a sample allocates nothing for numbers and booleans.</summary>
internal sealed class FieldState
{
    public double? Number { get; set; }

    public bool? Boolean { get; set; }

    public string? Text { get; set; }

    public long TimeNs { get; set; } = long.MinValue;
}
