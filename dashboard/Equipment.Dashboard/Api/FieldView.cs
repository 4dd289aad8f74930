namespace Equipment.Dashboard.Api;

/// <summary>A field's last value (number, boolean or string) and when it was measured.</summary>
public sealed record FieldView(object? Value, DateTimeOffset Time);
