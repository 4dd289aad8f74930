namespace Equipment.Domain.TimeUse;

/// <summary>
/// The silo's note that <c>tbm</c> samples of the hour starting at <see cref="HourStart"/> were stored late (older than
/// <see cref="TimeUseDaySummaries.LateAfter"/> when written). Every late write draws a new <see cref="Nonce"/> for its
/// hour, so a day summary made before it no longer matches its inputs.
/// </summary>
public readonly record struct LateDataMark(DateTimeOffset HourStart, long Nonce);
