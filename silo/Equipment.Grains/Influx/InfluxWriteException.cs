using System.Net;

namespace Equipment.Grains.Influx;

/// <summary>InfluxDB answered a write with an error; <see cref="Retryable"/> says whether trying again can help.</summary>
public sealed class InfluxWriteException(HttpStatusCode status, string body, bool retryable)
    : Exception($"InfluxDB refused a write: {(int)status} {body}")
{
    public HttpStatusCode Status { get; } = status;

    public bool Retryable { get; } = retryable;
}
