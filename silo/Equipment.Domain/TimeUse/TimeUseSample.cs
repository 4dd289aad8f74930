namespace Equipment.Domain.TimeUse;

/// <summary>One <c>tbm</c> sample as time use reads it; any field may be missing from a line.</summary>
public readonly record struct TimeUseSample(DateTimeOffset Time, bool? Boring, long? Stroke, double? ChainageM, long? StopReasonCode);
