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
          --route FILE         route CSV; its towns are the charging points (default: the built-in G318 profile and charging points of data/routes)
          --strokes DIR        folder with tbm_a/b/c_strokes.csv (default: shared/data/tbm-strokes)
          --batch N            points per write request (default 5000)
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
