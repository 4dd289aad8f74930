namespace Equipment.Contracts.Messages;

/// <summary>The last value of one field and when it was measured; exactly one of the values is set.</summary>
[GenerateSerializer, Immutable, Alias("equipment.FieldSnapshot")]
public sealed record FieldSnapshot(double? Number, bool? Boolean, string? Text, DateTimeOffset Time);
