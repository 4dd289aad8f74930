namespace Equipment.Simulator.Replay;

/// <summary>One row of the shared stroke CSVs; torque in MNm as published.</summary>
public sealed record StrokeRecord(
    long Stroke,
    double ChainageStartM,
    double ChainageEndM,
    double PenetrationMean,
    double ThrustKnMean,
    double TorqueMnmMean,
    double RpmMean,
    double PenetrationMedian,
    double ThrustKnMedian,
    double TorqueMnmMedian,
    double RpmMedian);
