namespace Equipment.Simulator.Cli;

public sealed class OptionsException(string message) : Exception(message);
