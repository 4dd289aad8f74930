namespace Equipment.Domain.Routes;

/// <summary>A route CSV could not be read; <see cref="Line"/> is 1-based (the header is line 1), 0 for whole-file problems.</summary>
public sealed class RouteFormatException(int line, string reason)
    : FormatException(line > 0 ? $"line {line}: {reason}" : reason)
{
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}
