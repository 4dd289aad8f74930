using System.Text;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.Schema;

namespace Equipment.Gateway.Ingest;

/// <summary>What one device token may write: everything, one site (TBMs), one fleet (trucks), or listed machines.</summary>
public sealed class TokenScope : IWriteScope
{
    private readonly bool _all;
    private readonly byte[][] _sites;
    private readonly byte[][] _fleets;
    private readonly byte[][] _ids;

    private TokenScope(bool all, byte[][] sites, byte[][] fleets, byte[][] ids)
    {
        _all = all;
        _sites = sites;
        _fleets = fleets;
        _ids = ids;
    }

    /// <summary>Parses <c>all</c> or a comma-separated list of <c>site:X</c>, <c>fleet:X</c>, <c>equipment:ID</c>.</summary>
    public static TokenScope Parse(string scope)
    {
        var parts = scope.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Contains("all"))
        {
            return new TokenScope(true, [], [], []);
        }

        byte[][] Pick(string prefix) => parts.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Select(p => Encoding.UTF8.GetBytes(p[prefix.Length..])).ToArray();
        var unknown = parts.FirstOrDefault(p => !p.StartsWith("site:", StringComparison.Ordinal) && !p.StartsWith("fleet:", StringComparison.Ordinal) && !p.StartsWith("equipment:", StringComparison.Ordinal));
        if (unknown is not null || parts.Length == 0)
        {
            throw new FormatException($"invalid token scope '{scope}': expected all, site:NAME, fleet:NAME or equipment:ID");
        }

        return new TokenScope(false, Pick("site:"), Pick("fleet:"), Pick("equipment:"));
    }

    public bool Allows(EquipmentKind kind, ReadOnlySpan<byte> id, ReadOnlySpan<byte> group)
    {
        if (_all || Contains(_ids, id))
        {
            return true;
        }

        return !group.IsEmpty && Contains(kind == EquipmentKind.Tbm ? _sites : _fleets, group);
    }

    private static bool Contains(byte[][] set, ReadOnlySpan<byte> value)
    {
        foreach (var item in set)
        {
            if (value.SequenceEqual(item))
            {
                return true;
            }
        }

        return false;
    }
}
