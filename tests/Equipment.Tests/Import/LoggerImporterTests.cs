using Equipment.Telemetry.Import;

namespace Equipment.Tests.Import;

public sealed class LoggerImporterTests
{
    private const string Mapping = """
        {
          "delimiter": ";", "decimal": ",",
          "time": { "column": "Zeit", "format": "dd.MM.yyyy HH:mm:ss", "timeZone": "Europe/Vienna" },
          "tags": { "site": "north" },
          "channels": {
            "Vorschub [MN]": { "field": "thrust_kn", "unit": "MN" },
            "Greifer [MPa]": { "field": "gripper_pressure_bar", "unit": "MPa" },
            "Hub": { "field": "stroke" },
            "Bohren": { "field": "boring" },
            "Lager [°F]": { "field": "main_bearing_temp_c", "unit": "°F" }
          }
        }
        """;

    [Fact]
    public async Task Import_LoggerRows_ConvertsUnitsAndLocalTime()
    {
        var sink = new RecordingSink();
        var summary = await Import("""
            Zeit;Vorschub [MN];Greifer [MPa];Hub;Bohren;Lager [°F];Ignoriert
            10.11.2026 06:00:00;14,5;30,25;2117;1;32;x
            10.11.2026 06:00:01;;NaN;2117;0;;y
            """, sink);

        summary.Rows.Should().Be(2);
        summary.Points.Should().Be(2);
        summary.RefusedCount.Should().Be(0);
        sink.Lines.Should().Equal(
            $"tbm,id=T1,site=north thrust_kn=14500,gripper_pressure_bar=302.5,stroke=2117i,boring=true,main_bearing_temp_c=0 {Ns("2026-11-10T05:00:00Z")}",
            $"tbm,id=T1,site=north stroke=2117i,boring=false {Ns("2026-11-10T05:00:01Z")}");
    }

    [Fact]
    public async Task Import_BadRows_RefusedByLineNumberWithReasonOthersStored()
    {
        var sink = new RecordingSink();
        var summary = await Import("""
            Zeit;Vorschub [MN];Greifer [MPa];Hub;Bohren;Lager [°F]
            10.11.2026 06:00:00;14,5;30;1;1;100

            10.11.2026 06:00:01;14,5;30
            10.11.2026 06:00:02;14,5E;30;1;1;100
            2026-11-10 06:00:03;14,5;30;1;1;100
            10.11.2026 06:00:04;14,5;30;1,5;1;100
            10.11.2026 06:00:05;14,5;30;1;ja;100
            10.11.2026 06:00:06;;;;;
            10.11.2026 06:00:07;15;30;1;1;100
            """, sink);

        summary.Rows.Should().Be(8, "the blank line is not a row");
        summary.EmptyRows.Should().Be(1);
        summary.Points.Should().Be(2);
        summary.Refused.Select(r => (r.Line, r.Reason)).Should().Equal(
            (4L, "has 3 columns, the header has 6"),
            (5L, "column \"Vorschub [MN]\": '14,5E' is not a number"),
            (6L, "time '2026-11-10 06:00:03' does not match the format 'dd.MM.yyyy HH:mm:ss'"),
            (7L, "column \"Hub\": '1,5' is not a whole number (stroke is an integer)"),
            (8L, "column \"Bohren\": 'ja' is not a boolean (0/1, true/false, on/off)"));
        sink.Lines.Should().HaveCount(2).And.Contain(l => l.Contains("thrust_kn=15000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_DaylightSavingChanges_RepeatedHourKeepsOrderSkippedHourRefused()
    {
        var sink = new RecordingSink();
        var summary = await Import("""
            Zeit;Vorschub [MN];Greifer [MPa];Hub;Bohren;Lager [°F]
            25.10.2026 02:59:59;1;1;1;1;100
            25.10.2026 02:00:00;2;1;1;1;100
            29.03.2026 02:30:00;3;1;1;1;100
            """, sink);

        sink.Lines.Select(l => l.Split(' ')[^1]).Should().Equal(Ns("2026-10-25T00:59:59Z"), Ns("2026-10-25T01:00:00Z"));
        summary.Refused.Should().ContainSingle().Which.Reason.Should().Contain("does not exist in Europe/Vienna");
    }

    [Fact]
    public async Task Import_SinkRefusesALine_OnlyThatRowIsLeftOutOfItsChunk()
    {
        var sink = new RecordingSink { RefuseContaining = "thrust_kn=3000," };
        var rows = string.Join('\n', Enumerable.Range(1, 7).Select(i => $"10.11.2026 06:00:0{i};{i};1;1;1;100"));
        var summary = await Import("Zeit;Vorschub [MN];Greifer [MPa];Hub;Bohren;Lager [°F]\n" + rows, sink, rowsPerChunk: 4);

        summary.Points.Should().Be(6);
        summary.Chunks.Should().Be(2);
        summary.Refused.Should().ContainSingle().Which.Should().Be(new RefusedRow("test.csv", 4, "refused by the sink"));
        sink.Lines.Select(l => l.Split(' ')[1].Split(',')[0]).Should().Equal("thrust_kn=1000", "thrust_kn=2000", "thrust_kn=4000", "thrust_kn=5000", "thrust_kn=6000", "thrust_kn=7000");
    }

    [Fact]
    public async Task Import_SlowSink_ReadsAheadButSendsOneChunkAtATimeInFileOrder()
    {
        var sink = new SlowSink();
        var rows = string.Join('\n', Enumerable.Range(0, 50).Select(i => $"10.11.2026 06:{i / 60:00}:{i % 60:00};{i + 1};1;1;1;100"));

        var summary = await new LoggerImporter(ImportMapping.Load(Mapping, "tbm"), "T1", 7)
            .ImportAsync(new StringReader("Zeit;Vorschub [MN];Greifer [MPa];Hub;Bohren;Lager [°F]\n" + rows), "test.csv", sink, CancellationToken.None);

        summary.Points.Should().Be(50);
        summary.Chunks.Should().Be(8);
        sink.MaxInFlight.Should().Be(1, "a machine's rows reach its twin in file order");
        sink.Lines.Select(l => l.Split(' ')[1].Split(',')[0]).Should().Equal(Enumerable.Range(1, 50).Select(i => $"thrust_kn={i * 1000}"));
    }

    [Fact]
    public async Task Import_SinkFailsOnThirdChunk_StopsThereWithNothingAfterSent()
    {
        var sink = new SlowSink { FailFromCall = 3 };
        var rows = string.Join('\n', Enumerable.Range(0, 20).Select(i => $"10.11.2026 06:00:{i:00};{i + 1};1;1;1;100"));

        var summary = await new LoggerImporter(ImportMapping.Load(Mapping, "tbm"), "T1", 4)
            .ImportAsync(new StringReader("Zeit;Vorschub [MN];Greifer [MPa];Hub;Bohren;Lager [°F]\n" + rows), "test.csv", sink, CancellationToken.None);

        sink.Calls.Should().Be(3, "the fourth chunk was read but not sent");
        summary.Points.Should().Be(8);
        summary.Error.Should().Be("test.csv: stopped at line 10: gateway answered 401");
        sink.Lines.Should().HaveCount(8);
    }

    [Fact]
    public async Task Import_HeaderMissingAMappedColumn_NamesTheChannelKey()
    {
        var act = () => Import("Zeit;Vorschub [MN]\n10.11.2026 06:00:00;1\n", new RecordingSink());
        (await act.Should().ThrowAsync<ImportMappingException>()).Which.Key.Should().Be("channels.\"Greifer [MPa]\"");
    }

    [Fact]
    public async Task Import_SameFileTwice_WritesIdenticalLines()
    {
        var csv = "Zeit;Vorschub [MN];Greifer [MPa];Hub;Bohren;Lager [°F]\n10.11.2026 06:00:00;14,5;30;1;1;100\n10.11.2026 06:00:01;14,6;30;1;1;100\n";
        var first = new RecordingSink();
        var second = new RecordingSink();
        await Import(csv, first);
        await Import(csv, second);
        second.Lines.Should().Equal(first.Lines, "same series and timestamps, so InfluxDB overwrites instead of adding");
    }

    [Theory]
    [InlineData("MN", "kN", 1.5, 1500)]
    [InlineData("MNm", "kNm", 2.25, 2250)]
    [InlineData("MPa", "bar", 30, 300)]
    [InlineData("psi", "bar", 145.0377377, 10)]
    [InlineData("°F", "°C", 212, 100)]
    [InlineData("K", "°C", 273.15, 0)]
    [InlineData("m/h", "mm/min", 3, 50)]
    public void UnitConversion_KnownUnits_ConvertToSchemaUnit(string from, string to, double value, double expected)
    {
        UnitConversion.TryGet(from, to, out var conversion).Should().BeTrue();
        conversion.Apply(value).Should().BeApproximately(expected, 1e-6);
    }

    [Fact]
    public void UnitConversion_DifferentDimensions_Refused() => UnitConversion.TryGet("MPa", "kN", out _).Should().BeFalse();

    private static Task<ImportSummary> Import(string csv, RecordingSink sink, int rowsPerChunk = 5000) =>
        new LoggerImporter(ImportMapping.Load(Mapping, "tbm"), "T1", rowsPerChunk).ImportAsync(new StringReader(csv), "test.csv", sink, CancellationToken.None);

    private static string Ns(string utc) => ((DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
