namespace Equipment.Gbt32960.Data;

/// <summary>Info type 0x05: signed degrees (south and west negative); <see cref="Valid"/> false when the fix is stale. 2025 adds the coordinate system (1 WGS84, 2 GCJ02, 3 other).</summary>
public sealed record PositionData(bool Valid, double? LatitudeDeg, double? LongitudeDeg, byte? CoordinateSystem);
