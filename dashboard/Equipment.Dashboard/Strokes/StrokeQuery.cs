using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Equipment.Dashboard.Strokes;

/// <summary>
/// Parameters of <c>GET /api/tbm/{id}/strokes</c>: <c>from</c>/<c>to</c> (ISO times, when the stroke closed),
/// <c>fromChainageM</c>/<c>toChainageM</c> (strokes overlapping that stretch), <c>limit</c> (1–10,000) and <c>cursor</c>
/// (the previous page's <c>nextCursor</c>). <c>limit</c> or <c>cursor</c> selects the paged answer.
/// </summary>
public sealed record StrokeQuery(DateTimeOffset? From, DateTimeOffset? To, double? FromChainageM, double? ToChainageM, int? Limit, long? CursorNs)
{
    public const int MaxLimit = 10_000;
    public const int DefaultLimit = 1_000;

    public bool Paged => Limit is not null || CursorNs is not null;

    /// <summary>Null with <paramref name="error"/> naming the parameter when one is wrong.</summary>
    public static StrokeQuery? Parse(IQueryCollection q, out string? error)
    {
        error = null;
        DateTimeOffset? Time(string name, ref string? err)
        {
            var v = q[name].ToString();
            if (v.Length == 0) return null;
            if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)) return t;
            err ??= $"{name}: must be an ISO 8601 time (was '{v}')";
            return null;
        }

        double? Metres(string name, ref string? err)
        {
            var v = q[name].ToString();
            if (v.Length == 0) return null;
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && double.IsFinite(m)) return m;
            err ??= $"{name}: must be a chainage in metres (was '{v}')";
            return null;
        }

        var from = Time("from", ref error);
        var to = Time("to", ref error);
        var fromM = Metres("fromChainageM", ref error);
        var toM = Metres("toChainageM", ref error);
        int? limit = null;
        if (q["limit"].ToString() is { Length: > 0 } l)
        {
            if (int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxLimit) limit = n;
            else error ??= $"limit: must be 1 to {MaxLimit} (was '{l}')";
        }

        long? cursor = null;
        if (q["cursor"].ToString() is { Length: > 0 } c)
        {
            if (long.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var ns)) cursor = ns;
            else error ??= $"cursor: must be a nextCursor of a previous page (was '{c}')";
        }

        if (error is null && from is { } f && to is { } t2 && t2 < f) error = "to: must not be before from";
        if (error is null && fromM is { } a && toM is { } b && b < a) error = "toChainageM: must not be less than fromChainageM";
        return error is null ? new StrokeQuery(from, to, fromM, toM, limit, cursor) : null;
    }
}
