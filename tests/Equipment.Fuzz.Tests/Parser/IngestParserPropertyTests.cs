using System.Text;
using Equipment.Fuzz.Tests.Support;
using Equipment.Telemetry.Ingest;

namespace Equipment.Fuzz.Tests.Parser;

/// <summary>Properties of <see cref="IngestParser"/> over seeded random and mutated bodies (seed and case in every failure).</summary>
public sealed class IngestParserPropertyTests
{
    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    public void Parse_RandomBytes_NeverThrowsAndRefusalNamesALine(int seed)
    {
        var random = new Random(seed);
        var alphabet = "tbmruck_,= \"\\\n#0123456789.-eiuTF"u8.ToArray();
        for (var i = 0; i < 1500; i++)
        {
            var body = new byte[random.Next(0, 300)];
            for (var j = 0; j < body.Length; j++)
            {
                body[j] = random.Next(3) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            var precision = Parsing.Precisions[random.Next(Parsing.Precisions.Length)];
            var describe = Case.Describe(seed, i, body) + $", {precision} ns/unit";
            var result = Parsing.Parse(body, precision, describe);
            Invariants.Check(body, precision, result, describe);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parse_MutatedValidBodies_NeverThrowsAndAnswersAreConsistent(int seed)
    {
        var random = new Random(seed);
        var corpus = new Corpus(random);
        var mutator = new Mutator(random);
        var accepted = 0;
        var refused = 0;
        for (var i = 0; i < 1500; i++)
        {
            var body = mutator.Mutate(corpus.Body(), random.Next(1, 4));
            var precision = Parsing.Precisions[random.Next(4)];
            var describe = Case.Describe(seed, i, body) + $", {precision} ns/unit";
            var result = Parsing.Parse(body, precision, describe);
            Invariants.Check(body, precision, result, describe);
            _ = result.Outcome == IngestOutcome.Accepted ? accepted++ : refused++;
        }

        // Both sides must be exercised, or the properties above checked little.
        accepted.Should().BeGreaterThan(50, $"seed {seed}");
        refused.Should().BeGreaterThan(500, $"seed {seed}");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Parse_ValidBodies_AcceptedAndValuesRoundTrip(int seed)
    {
        var random = new Random(seed);
        var corpus = new Corpus(random);
        for (var i = 0; i < 1500; i++)
        {
            var body = corpus.Body(12);
            var precision = Parsing.Precisions[random.Next(4)];
            var describe = Case.Describe(seed, i, body) + $", {precision} ns/unit";
            var result = Parsing.Parse(body, precision, describe);
            result.Outcome.Should().Be(IngestOutcome.Accepted, $"{result.Error.Message}; {describe}");
            Invariants.CheckAccepted(body, precision, result, describe);

            // The normalised output is itself a valid body that normalises to itself.
            foreach (var batch in result.Batches)
            {
                var again = Parsing.Parse(batch.Lines, 1, describe);
                again.Outcome.Should().Be(IngestOutcome.Accepted, $"{again.Error.Message}; output {Encoding.UTF8.GetString(batch.Lines)}; {describe}");
                again.Batches.Should().ContainSingle(describe);
                again.Batches[0].Lines.Should().Equal(batch.Lines, describe);
            }
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Parse_CommentAndBlankLinesInserted_SameAnswerAndErrorLineShiftsByInsertedLines(int seed)
    {
        var random = new Random(seed);
        var corpus = new Corpus(random);
        var mutator = new Mutator(random);
        string[] fillers = ["# comment, with = signs \"and\" quotes\n", "\n", " \t\r\n", "#\n", "   # indented comment\n", "\r\n"];
        for (var i = 0; i < 1000; i++)
        {
            var original = random.Next(3) == 0 ? corpus.Body() : mutator.Mutate(corpus.Body(), random.Next(1, 3));
            var starts = new List<int> { 0 };
            for (var p = 0; p < original.Length - 1; p++)
            {
                if (original[p] == (byte)'\n')
                {
                    starts.Add(p + 1);
                }
            }

            // insertedBefore[k] = how many filler lines go in front of original line k+1.
            var insertedBefore = new int[starts.Count];
            var padded = new List<byte>();
            for (var k = 0; k < starts.Count; k++)
            {
                var count = random.Next(4) == 0 ? random.Next(1, 4) : 0;
                insertedBefore[k] = count;
                for (var c = 0; c < count; c++)
                {
                    padded.AddRange(Encoding.UTF8.GetBytes(fillers[random.Next(fillers.Length)]));
                }

                var end = k + 1 < starts.Count ? starts[k + 1] : original.Length;
                padded.AddRange(original.AsSpan(starts[k], end - starts[k]).ToArray());
            }

            var body = padded.ToArray();
            var describe = Case.Describe(seed, i, original) + "; padded " + Case.Describe(seed, i, body);
            var before = Parsing.Parse(original, 1, describe);
            var after = Parsing.Parse(body, 1, describe);
            after.Outcome.Should().Be(before.Outcome, describe);
            if (before.Outcome == IngestOutcome.Accepted)
            {
                after.Points.Should().Be(before.Points, describe);
                after.Batches.Select(b => b.Lines).Should().BeEquivalentTo(before.Batches.Select(b => b.Lines), o => o.WithStrictOrdering(), describe);
            }
            else
            {
                var shift = insertedBefore.Take(before.Error.Line).Sum();
                after.Error.Line.Should().Be(before.Error.Line + shift, describe);
                after.Error.Reason.Should().Be(before.Error.Reason, describe);
                Invariants.CheckRefusal(body, after.Error, describe);
            }
        }
    }
}
