using Equipment.Domain.Tbm;

namespace Equipment.Domain.TimeUse;

/// <summary>A closed stroke as the shift report counts it: when it closed and its (mean) advance class.</summary>
public readonly record struct StrokeMark(DateTimeOffset Time, long Stroke, AdvanceClass AdvanceClass);
