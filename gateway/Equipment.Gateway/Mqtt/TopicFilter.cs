namespace Equipment.Gateway.Mqtt;

/// <summary>MQTT topic filter matching (<c>+</c> one level, <c>#</c> the rest), as the broker applies it.</summary>
public static class TopicFilter
{
    public static bool Matches(string filter, string topic)
    {
        var f = filter.Split('/');
        var t = topic.Split('/');
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return true;
            }

            if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }

    /// <summary>Why a filter is not valid MQTT, or null.</summary>
    public static string? Validate(string filter)
    {
        if (string.IsNullOrEmpty(filter))
        {
            return "topic filter is empty";
        }

        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#') && (level != "#" || i != levels.Length - 1))
            {
                return $"'#' must be a whole last level in '{filter}'";
            }

            if (level.Contains('+') && level != "+")
            {
                return $"'+' must be a whole level in '{filter}'";
            }
        }

        return null;
    }
}
