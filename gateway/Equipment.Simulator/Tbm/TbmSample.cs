namespace Equipment.Simulator.Tbm;

internal readonly record struct TbmSample(
    bool Boring, double ThrustKn, double TorqueKnm, double Rpm, double PenetrationMmRev, double AdvanceMmMin, double GripperBar);
