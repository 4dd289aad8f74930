using System.Globalization;
using Equipment.Domain.Telemetry;
using Equipment.Telemetry.LineProtocol;
using Equipment.Telemetry.Schema;

namespace Equipment.Grains.Live;

/// <summary>Turns normalised lines into the domain's samples; fields are found by their schema index.</summary>
public static class SampleMapper
{
    public static TbmSample ToTbm(in LineProtocolLine line)
    {
        Span<double> v = stackalloc double[TelemetrySchema.Tbm.Fields.Count];
        var p = Read(line, TelemetrySchema.Tbm, v, out var boring);
        return new TbmSample(
            LiveState.FromNs(line.Timestamp),
            F(v, p, 0),
            (p & 2) != 0 ? (long)v[1] : null,
            F(v, p, 2), F(v, p, 3), F(v, p, 4), F(v, p, 5), F(v, p, 6), F(v, p, 7), F(v, p, 8), F(v, p, 9), F(v, p, 10), F(v, p, 11),
            (p & (1UL << 12)) != 0 ? boring : null);
    }

    public static TruckSample ToTruck(in LineProtocolLine line)
    {
        Span<double> v = stackalloc double[TelemetrySchema.Truck.Fields.Count];
        var p = Read(line, TelemetrySchema.Truck, v, out var ignition);
        return new TruckSample(
            LiveState.FromNs(line.Timestamp),
            F(v, p, 0), F(v, p, 1), F(v, p, 2), F(v, p, 3), F(v, p, 4), F(v, p, 5), F(v, p, 6),
            F(v, p, 7), F(v, p, 8), F(v, p, 9), F(v, p, 10), F(v, p, 11), F(v, p, 12), F(v, p, 13),
            F(v, p, 18), F(v, p, 19),
            (p & (1UL << 20)) != 0 ? ignition : null,
            F(v, p, 14), F(v, p, 15), F(v, p, 16), F(v, p, 17), F(v, p, 21));
    }

    public static CutterSample? ToCutter(in LineProtocolLine line)
    {
        var position = -1;
        var tags = line.GetTags();
        while (tags.TryNext(out var key, out var value))
        {
            if (key.SequenceEqual("position"u8) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                position = p;
            }
        }

        if (position < 0)
        {
            return null;
        }

        Span<double> v = stackalloc double[TelemetrySchema.TbmCutter.Fields.Count];
        var present = Read(line, TelemetrySchema.TbmCutter, v, out var replaced);
        return new CutterSample(LiveState.FromNs(line.Timestamp), position, (present & 1) != 0 ? v[0] : null, (present & 2) != 0 ? replaced : null);
    }

    /// <summary>
    /// The line's <c>online</c> boolean (written for Sparkplug B births and deaths), found by a byte search rather than
    /// a walk over the fields, so a 50-channel logger row pays almost nothing for it; null when absent or not a boolean.
    /// </summary>
    public static bool? Online(in LineProtocolLine line)
    {
        var fields = line.Fields;
        var at = 0;
        while (at < fields.Length)
        {
            var found = fields[at..].IndexOf("online="u8);
            if (found < 0)
            {
                return null;
            }

            var start = at + found;
            at = start + 7;
            if (start > 0 && fields[start - 1] != (byte)',')
            {
                continue;
            }

            var end = fields[at..].IndexOf((byte)',');
            var raw = end < 0 ? fields[at..] : fields.Slice(at, end);
            return FieldReader.Parse(raw, out var value) is null && value.Type == FieldType.Boolean ? value.Boolean : null;
        }

        return null;
    }

    private static double? F(ReadOnlySpan<double> values, ulong present, int index) =>
        (present & (1UL << index)) != 0 ? values[index] : null;

    private static ulong Read(in LineProtocolLine line, MeasurementSchema schema, Span<double> values, out bool boolean)
    {
        ulong present = 0;
        boolean = false;
        var fields = line.GetFields();
        while (fields.TryNext(out var key, out var value, out var error))
        {
            var index = schema.IndexOf(key);
            if (index < 0 || error is not null)
            {
                continue;
            }

            present |= 1UL << index;
            if (value.Type == FieldType.Boolean)
            {
                boolean = value.Boolean;
            }
            else
            {
                values[index] = value.Number;
            }
        }

        return present;
    }
}
