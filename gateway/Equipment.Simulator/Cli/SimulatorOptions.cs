namespace Equipment.Simulator.Cli;

public sealed record SimulatorOptions
{
    public const string TokenEnvironmentVariable = "EQUIPMENT_DEV_TOKEN";

    public SimulatorMode Mode { get; init; } = SimulatorMode.Live;
    public int Tbms { get; init; } = 4;
    public int Trucks { get; init; } = 12;
    public double RateHz { get; init; } = 1;
    public double Acceleration { get; init; } = 1;

    /// <summary>Wall-clock seconds to run; null runs until Ctrl-C / SIGTERM (or the replay ends).</summary>
    public double? DurationSeconds { get; init; }

    public int Seed { get; init; } = 42;
    public string Url { get; init; } = "http://127.0.0.1:5080";
    public string? Token { get; init; }
    public string DashboardUrl { get; init; } = "http://127.0.0.1:5090";
    public string Org { get; init; } = "equipment";
    public string Bucket { get; init; } = "equipment";

    /// <summary>Fixed simulated start (UTC); null starts at now, which gives up byte-level reproducibility.</summary>
    public DateTime? Start { get; init; }

    public string? RoutePath { get; init; }
    public string? StrokesDirectory { get; init; }
    public bool Quiet { get; init; }
    public int BatchSize { get; init; } = 5000;
    public bool ShowHelp { get; init; }

    /// <summary>Share of the live trucks that report as GB/T 32960 T-Boxes (0 = all HTTP, 1 = all T-Boxes).</summary>
    public double GbtShare { get; init; }

    public string GbtHost { get; init; } = "127.0.0.1";
    public int GbtPort { get; init; } = 32960;
    public Gbt32960.GbtEdition GbtEdition { get; init; } = Gbt32960.GbtEdition.V2016;

    /// <summary>Mean simulated hours between a T-Box truck's level-3 faults; 0 disables them.</summary>
    public double GbtFaultHours { get; init; } = 4;
}
