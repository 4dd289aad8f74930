namespace Equipment.Dashboard.History;

/// <summary>InfluxDB refused or failed a query; the history API answers 502 with the message.</summary>
public sealed class InfluxQueryException(string message, Exception? inner = null) : Exception(message, inner);
