namespace Equipment.Fuzz.Tests.Support;

/// <summary>One line as the reader saw it, copied into managed objects.</summary>
public sealed record ReadLine(int Number, string Measurement, IReadOnlyList<(string Key, string Value)> Tags, IReadOnlyList<ReadField> Fields, bool HasTimestamp, long Timestamp);
