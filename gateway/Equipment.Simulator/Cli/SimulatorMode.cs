namespace Equipment.Simulator.Cli;

public enum SimulatorMode
{
    Live,
    Replay,
}
