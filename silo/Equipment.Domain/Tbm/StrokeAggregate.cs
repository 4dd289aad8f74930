namespace Equipment.Domain.Tbm;

/// <summary>One aggregate (mean or median) of a stroke and its torque-ratio classification.</summary>
public readonly record struct StrokeAggregate(
    double PenetrationMmRev,
    double ThrustKn,
    double TorqueKnm,
    double Rpm,
    double TorqueRatio,
    AdvanceClass AdvanceClass);
