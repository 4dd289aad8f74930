namespace Equipment.Gateway.Mqtt;

/// <summary>
/// A topic pattern like <c>site/{site}/tbm/{id}</c>: literal levels must match, <c>{name}</c> levels capture the
/// topic's level under that name, <c>+</c> matches any level without capturing.
/// </summary>
public sealed class TopicTemplate
{
    private readonly string[] _levels;

    public TopicTemplate(string template)
    {
        Template = template;
        _levels = template.Split('/');
        Names = _levels.Where(IsCapture).Select(l => l[1..^1]).ToArray();
    }

    public string Template { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The captured levels, or null when the topic does not fit the template.</summary>
    public List<KeyValuePair<string, string>>? Match(string topic)
    {
        var levels = topic.Split('/');
        if (levels.Length != _levels.Length)
        {
            return null;
        }

        var captures = new List<KeyValuePair<string, string>>(Names.Count);
        for (var i = 0; i < levels.Length; i++)
        {
            var pattern = _levels[i];
            if (IsCapture(pattern))
            {
                if (levels[i].Length == 0)
                {
                    return null;
                }

                captures.Add(new(pattern[1..^1], levels[i]));
            }
            else if (pattern != "+" && pattern != levels[i])
            {
                return null;
            }
        }

        return captures;
    }

    private static bool IsCapture(string level) => level.Length > 2 && level[0] == '{' && level[^1] == '}';
}
