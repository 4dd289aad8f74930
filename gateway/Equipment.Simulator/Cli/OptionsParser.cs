using System.Globalization;

namespace Equipment.Simulator.Cli;

public static class OptionsParser
{
    public const string Usage = """
        Usage: Equipment.Simulator [live|replay] [options]

          live                 simulated TBMs and trucks (default)
          replay               the three shared TBMs' stroke data (tbm-a, tbm-b, tbm-c)

          --tbms N             live TBMs (default 4)
          --trucks N           live trucks (default 12)
          --rate HZ            samples per second of simulated time per machine (default 1)
          --accel X            simulated seconds per real second (default 1)
          --duration SECONDS   wall-clock seconds to run (default: until Ctrl-C / SIGTERM)
          --seed N             random seed (default 42)
          --start ISO8601      fixed simulated start time, UTC (default: now)
          --url URL            gateway (default http://127.0.0.1:5080)
          --token TOKEN        ingest token (default: env EQUIPMENT_DEV_TOKEN)
          --dashboard URL      dashboard for registry PUTs (default http://127.0.0.1:5090)
          --org ORG            (default equipment)
          --bucket BUCKET      (default equipment)
          --route FILE         G318 route CSV (default: shared/data/routes/... searched upward)
          --strokes DIR        folder with tbm_a/b/c_strokes.csv (default: data/tbm-strokes of the repository)
          --batch N            points per write request (default 5000)
          --protocol P         http (line protocol, default) or gbt32960 (every truck is a GB/T 32960 T-Box)
          --gbt-share F        share of the trucks that are T-Boxes, 0–1 (gbt32960 = 1; run.sh uses 0.5)
          --gbt-endpoint H:P   the gateway's GB/T 32960 listener (default 127.0.0.1:32960)
          --gbt-edition E      2016 (## frames, default) or 2025 ($$ frames and the 2025 layouts)
          --gbt-faults HOURS   mean simulated hours between a T-Box's level-3 faults (default 4; 0 = none)
          --quiet              no progress line
          -h, --help           this text
        """;

    public static SimulatorOptions Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var o = new SimulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    throw new OptionsException($"option {arg} needs a value");
                }

                return args[++i];
            }

            o = arg switch
            {
                "live" => o with { Mode = SimulatorMode.Live },
                "replay" => o with { Mode = SimulatorMode.Replay },
                "--tbms" => o with { Tbms = ParseInt(arg, Value(), 0) },
                "--trucks" => o with { Trucks = ParseInt(arg, Value(), 0) },
                "--rate" => o with { RateHz = ParsePositive(arg, Value()) },
                "--accel" => o with { Acceleration = ParsePositive(arg, Value()) },
                "--duration" => o with { DurationSeconds = ParsePositive(arg, Value()) },
                "--seed" => o with { Seed = ParseInt(arg, Value(), int.MinValue) },
                "--start" => o with { Start = ParseStart(Value()) },
                "--url" => o with { Url = ParseUrl(arg, Value()) },
                "--token" => o with { Token = Value() },
                "--dashboard" => o with { DashboardUrl = ParseUrl(arg, Value()) },
                "--org" => o with { Org = Value() },
                "--bucket" => o with { Bucket = Value() },
                "--route" => o with { RoutePath = Value() },
                "--strokes" => o with { StrokesDirectory = Value() },
                "--batch" => o with { BatchSize = ParseInt(arg, Value(), 1) },
                "--protocol" => o with { GbtShare = ParseProtocol(Value()) },
                "--gbt-share" => o with { GbtShare = ParseShare(arg, Value()) },
                "--gbt-endpoint" => ParseEndpoint(o, Value()),
                "--gbt-edition" => o with { GbtEdition = ParseEdition(Value()) },
                "--gbt-faults" => o with { GbtFaultHours = ParseNonNegative(arg, Value()) },
                "--quiet" or "-q" => o with { Quiet = true },
                "--help" or "-h" => o with { ShowHelp = true },
                _ => throw new OptionsException($"unknown option '{arg}'"),
            };
        }

        if (string.IsNullOrEmpty(o.Token))
        {
            o = o with { Token = environment(SimulatorOptions.TokenEnvironmentVariable) };
        }

        return o;
    }

    private static int ParseInt(string name, string value, int min)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min)
        {
            throw new OptionsException($"{name} expects an integer >= {min}, got '{value}'");
        }

        return n;
    }

    private static double ParsePositive(string name, string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !(x > 0) || double.IsInfinity(x))
        {
            throw new OptionsException($"{name} expects a positive number, got '{value}'");
        }

        return x;
    }

    private static double ParseProtocol(string value) => value switch
    {
        "http" => 0,
        "gbt32960" => 1,
        _ => throw new OptionsException($"--protocol expects http or gbt32960, got '{value}'"),
    };

    private static double ParseShare(string name, string value)
    {
        var x = ParseNonNegative(name, value);
        return x <= 1 ? x : throw new OptionsException($"{name} expects a share between 0 and 1, got '{value}'");
    }

    private static double ParseNonNegative(string name, string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !(x >= 0) || double.IsInfinity(x))
        {
            throw new OptionsException($"{name} expects a number >= 0, got '{value}'");
        }

        return x;
    }

    private static SimulatorOptions ParseEndpoint(SimulatorOptions o, string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new OptionsException($"--gbt-endpoint expects host:port, got '{value}'");
        }

        return o with { GbtHost = value[..colon].Trim('[', ']'), GbtPort = port };
    }

    private static Gbt32960.GbtEdition ParseEdition(string value) => value switch
    {
        "2016" => Gbt32960.GbtEdition.V2016,
        "2025" => Gbt32960.GbtEdition.V2025,
        _ => throw new OptionsException($"--gbt-edition expects 2016 or 2025, got '{value}'"),
    };

    private static DateTime ParseStart(string value)
    {
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            throw new OptionsException($"--start expects an ISO 8601 time, got '{value}'");
        }

        return t.UtcDateTime;
    }

    private static string ParseUrl(string name, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            throw new OptionsException($"{name} expects an http(s) URL, got '{value}'");
        }

        return value.TrimEnd('/');
    }
}
