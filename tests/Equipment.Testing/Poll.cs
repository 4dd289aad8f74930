using System.Text.Json;

namespace Equipment.Testing;

/// <summary>
/// Waits for what the platform does asynchronously (delivery to InfluxDB, a twin's state, a silo settling after a
/// restart): retries an attempt until it returns a value, treating the errors of a platform not there yet as "not yet".
/// </summary>
public static class Poll
{
    /// <param name="attempt">Returns the value once the condition holds; null (or an undefined JSON element) means not yet.</param>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> attempt, TimeSpan timeout, TimeSpan every)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await attempt() is { } value && value is not JsonElement { ValueKind: JsonValueKind.Undefined })
                {
                    return value;
                }
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException or KeyNotFoundException)
            {
                last = e;
            }

            await Task.Delay(every);
        }

        throw new TimeoutException($"condition not met within {timeout.TotalSeconds:0} s", last);
    }
}
