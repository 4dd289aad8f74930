namespace Equipment.Browser.Tests;

/// <summary>Unique machine ids, so tests sharing one platform never see each other's machines or alerts.</summary>
public static class TestIds
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
