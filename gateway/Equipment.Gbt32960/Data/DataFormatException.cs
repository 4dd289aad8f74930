namespace Equipment.Gbt32960.Data;

/// <summary>A data unit that does not follow the standard (a lying length or count, an impossible time); caught by <see cref="DataDecoder"/>.</summary>
internal sealed class DataFormatException(string message) : Exception(message);
