using System.Globalization;
using Equipment.Dashboard.History;
using Equipment.Domain.Tbm;
using Equipment.Domain.TimeUse;

namespace Equipment.Dashboard.TimeUse;

/// <summary>
/// Time use of a range of production days: each day from its stored summary while that still matches the day's inputs,
/// else classified from its raw samples and stored again (domain README, "Month summary from stored day summaries").
/// </summary>
public sealed class TimeUseDays(TimeUseData data, TimeProvider time, ILogger<TimeUseDays> logger)
{
    public async Task<TimeUseRangeView> RangeAsync(string id, TbmParameters parameters, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var calendar = new ShiftCalendar(parameters);
        var classifier = new TimeUseClassifier(parameters.RegripMaxSeconds);
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(i => first.AddDays(i)).ToList();
        var rangeFrom = calendar.ShiftBounds(first, 1)!.Value.Start;
        var rangeTo = calendar.NextDayStart(calendar.ShiftBounds(last, 1)!.Value.Start);
        var now = time.GetUtcNow();

        // The marks are read before any sample: a late write landing in between leaves a mark this request has not seen,
        // so a summary made now is made again on a later read rather than trusted with the sample missing.
        var assignmentsTask = data.AssignmentsAsync(id, rangeFrom - ShiftReportBuilder.LookBack, rangeTo, ct);
        var marksTask = data.LateMarksAsync(id, TimeUseDaySummaries.HourOf(rangeFrom - ShiftReportBuilder.LookBack), rangeTo, ct);
        var storedTask = data.DaySummariesAsync(id, rangeFrom, rangeTo, ct);
        await Task.WhenAll(assignmentsTask, marksTask, storedTask);
        var assignments = assignmentsTask.Result;
        var marks = marksTask.Result;
        var stored = storedTask.Result;

        // A day at a time (86,400 samples at 1 Hz), a few days in flight: bounded memory, InfluxDB kept busy.
        var results = new TimeUseSummary[days.Count];
        var fromStore = new bool[days.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, days.Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var from = calendar.ShiftBounds(days[i], 1)!.Value.Start;
            var to = calendar.NextDayStart(from);
            var fingerprint = TimeUseDaySummaries.Fingerprint(from, to, parameters.RegripMaxSeconds, assignments, marks);
            if (stored.TryGetValue(from, out var day) && day.Fingerprint == fingerprint && day.Summary.To == to)
            {
                results[i] = day.Summary;
                fromStore[i] = true;
                return;
            }

            var samples = await data.SamplesAsync(id, from - ShiftReportBuilder.LookBack, to, token);
            results[i] = classifier.Classify(samples, from, to, assignments);
            if (TimeUseDaySummaries.CanStore(to, now))
            {
                try
                {
                    await data.WriteDaySummaryAsync(id, new StoredDaySummary(fingerprint, results[i]), now, token);
                }
                catch (InfluxQueryException e)
                {
                    // Storing only saves later requests work: the answer stands, the day is classified again next time.
                    logger.LogWarning("Time use of {Id} on {Day} not stored: {Message}", id, days[i], e.Message);
                }
            }
        });

        var views = days.Select((d, i) => new TimeUseDayView(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), results[i].From, results[i].To,
            TimeUseView.From(results[i]), fromStore[i] ? "stored" : "classified")).ToList();
        var total = TimeUseDaySummaries.Total(rangeFrom, rangeTo, results);
        return new TimeUseRangeView(id, days[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), days[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), views, TimeUseView.From(total));
    }
}
