using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Equipment.Dashboard.Runs;

/// <summary>
/// Parameters of <c>GET /api/trucks/{id}/runs</c>: <c>from</c>/<c>to</c> (ISO times, when the run ended; the open run has
/// not ended and is left out by <c>to</c>), <c>fromRouteKm</c>/<c>toRouteKm</c> (runs whose route km span overlaps that
/// stretch, either direction), <c>order</c> (<c>asc</c>, oldest first, or <c>desc</c>), <c>limit</c> (1–1,000) and
/// <c>cursor</c> (the previous page's <c>nextCursor</c>, with the same order). <c>limit</c> or <c>cursor</c> selects the
/// paged answer.
/// </summary>
public sealed record RunQuery(DateTimeOffset? From, DateTimeOffset? To, double? FromRouteKm, double? ToRouteKm, bool Descending, int? Limit, long? CursorNs)
{
    public const int MaxLimit = 1_000;
    public const int DefaultLimit = 100;

    public bool Paged => Limit is not null || CursorNs is not null;

    /// <summary>The parameter an error of <see cref="Parse"/> names (each starts with "name: ").</summary>
    public static string FieldOf(string error) => error[..error.IndexOf(':', StringComparison.Ordinal)];

    /// <summary>Null with <paramref name="error"/> ("field: what is wrong") when a parameter is wrong.</summary>
    public static RunQuery? Parse(IQueryCollection q, out string? error)
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

        double? Km(string name, ref string? err)
        {
            var v = q[name].ToString();
            if (v.Length == 0) return null;
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var km) && double.IsFinite(km)) return km;
            err ??= $"{name}: must be a route position in km (was '{v}')";
            return null;
        }

        var from = Time("from", ref error);
        var to = Time("to", ref error);
        var fromKm = Km("fromRouteKm", ref error);
        var toKm = Km("toRouteKm", ref error);
        var descending = false;
        switch (q["order"].ToString())
        {
            case "" or "asc":
                break;
            case "desc":
                descending = true;
                break;
            case var o:
                error ??= $"order: must be asc or desc (was '{o}')";
                break;
        }

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
        if (error is null && fromKm is { } a && toKm is { } b && b < a) error = "toRouteKm: must not be less than fromRouteKm";
        return error is null ? new RunQuery(from, to, fromKm, toKm, descending, limit, cursor) : null;
    }
}
