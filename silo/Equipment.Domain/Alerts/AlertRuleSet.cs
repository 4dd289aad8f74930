namespace Equipment.Domain.Alerts;

public static class AlertRuleSet
{
    /// <summary>
    /// Applies override layers in order (e.g. per kind, then per machine) to the defaults by rule id.
    /// Throws <see cref="ArgumentException"/> naming every unknown rule id and every invalid resulting rule,
    /// because a silently ignored override would look like a working configuration.
    /// </summary>
    public static IReadOnlyList<AlertRule> Merge(IEnumerable<AlertRule> defaults, params IEnumerable<AlertRuleOverride>?[] layers)
    {
        var rules = new List<AlertRule>(defaults);
        var errors = new List<string>();
        foreach (var layer in layers)
        {
            foreach (var o in layer ?? [])
            {
                var index = rules.FindIndex(r => r.Id == o.RuleId);
                if (index < 0) errors.Add($"unknown rule id '{o.RuleId}'.");
                else rules[index] = o.ApplyTo(rules[index]);
            }
        }

        foreach (var dup in rules.GroupBy(r => r.Id).Where(g => g.Count() > 1)) errors.Add($"duplicate rule id '{dup.Key}'.");
        errors.AddRange(rules.SelectMany(r => r.Validate()));
        if (errors.Count > 0) throw new ArgumentException("Invalid alert rules: " + string.Join(" ", errors));
        return Share(rules);
    }

    /// <summary>
    /// Rules are immutable, and thousands of twins of one kind usually end up with equal rule sets; handing them
    /// one shared list instead of a copy each saves over a kilobyte per twin. Equal means equal records in order.
    /// </summary>
    private static IReadOnlyList<AlertRule> Share(List<AlertRule> rules)
    {
        lock (Shared)
        {
            foreach (var known in Shared)
            {
                if (known.SequenceEqual(rules))
                {
                    return known;
                }
            }

            var frozen = rules.AsReadOnly();
            if (Shared.Count >= MaxShared) Shared.RemoveAt(0);
            Shared.Add(frozen);
            return frozen;
        }
    }

    private const int MaxShared = 64;
    private static readonly List<IReadOnlyList<AlertRule>> Shared = [];
}
