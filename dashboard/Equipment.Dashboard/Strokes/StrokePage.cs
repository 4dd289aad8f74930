using Equipment.Domain.Tbm;

namespace Equipment.Dashboard.Strokes;

/// <summary>A page of strokes: <c>nextCursor</c> is null on the last page (which also carries the open stroke).</summary>
public sealed record StrokePage(IReadOnlyList<StrokeSummary> Items, string? NextCursor);
