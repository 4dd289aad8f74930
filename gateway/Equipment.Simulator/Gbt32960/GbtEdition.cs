namespace Equipment.Simulator.Gbt32960;

/// <summary>Which GB/T 32960.3 the T-Box speaks: the frame start (## or $$) and the data-unit layouts differ.</summary>
public enum GbtEdition
{
    V2016 = 2016,
    V2025 = 2025,
}
