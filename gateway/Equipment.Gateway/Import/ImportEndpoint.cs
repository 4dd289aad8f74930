using System.Text;
using Equipment.Contracts.Security;
using Equipment.Gateway.Ingest;
using Equipment.Gateway.Spool;
using Equipment.Telemetry.Import;
using Equipment.Telemetry.Ingest;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Equipment.Gateway.Import;

/// <summary>
/// <c>POST /api/import/{kind}/{id}</c>: a logger file upload (multipart: a <c>mapping</c> part, then one or more
/// <c>file</c> parts) imported as <c>equipment-admin import</c> does, streamed from the request into the spool chunk by
/// chunk. It is a write, so it takes a device token whose scope covers the machine, like <c>/write</c>.
/// </summary>
public sealed class ImportEndpoint(IngestParser parser, WriteAheadSpool spool, TokenStore tokens, TimeProvider time, IngestStatistics statistics, IOptions<GatewayOptions> options)
{
    public async Task<IResult> HandleAsync(HttpContext context, string kind, string id)
    {
        var token = Credentials.Find(context.Request);
        var scope = string.IsNullOrEmpty(token) ? null : await tokens.ResolveAsync(SecretHash.Of(token), context.RequestAborted);
        if (scope is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "unauthorized", "missing or unknown token");
        }

        if (kind is not ("tbm" or "truck"))
        {
            return Error(StatusCodes.Status404NotFound, "not found", "import kind must be tbm or truck");
        }

        var boundary = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary) || type?.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Error(StatusCodes.Status415UnsupportedMediaType, "unsupported", "send multipart/form-data with a 'mapping' part, then 'file' parts");
        }

        // A logger file is far larger than a write request; it streams, so the write limit does not apply.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var reader = new MultipartReader(boundary, context.Request.Body);
        LoggerImporter? importer = null;
        var sink = new SpoolSink(parser, spool, scope, time, statistics, options.Value.AcknowledgeAfter == "Stored");
        var files = new List<object>();
        var failed = false;
        while (!failed && await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
        {
            var disposition = section.GetContentDispositionHeader();
            var name = disposition?.Name.Value?.Trim('"');
            if (name == "mapping")
            {
                using var text = new StreamReader(section.Body, Encoding.UTF8);
                try
                {
                    importer = new LoggerImporter(ImportMapping.Load(await text.ReadToEndAsync(context.RequestAborted), kind), id);
                }
                catch (ImportMappingException e)
                {
                    return Error(StatusCodes.Status400BadRequest, "invalid mapping", e.Message, e.Key);
                }

                continue;
            }

            if (name != "file")
            {
                return Error(StatusCodes.Status400BadRequest, "invalid", $"unknown part '{name}' (expected mapping, then file)");
            }

            if (importer is null)
            {
                return Error(StatusCodes.Status400BadRequest, "invalid", "the 'mapping' part must come before the first 'file' part");
            }

            var fileName = disposition?.FileName.Value?.Trim('"') is { Length: > 0 } f ? Path.GetFileName(f) : "file" + (files.Count + 1);
            var body = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new System.IO.Compression.GZipStream(section.Body, System.IO.Compression.CompressionMode.Decompress) : section.Body;
            using var csv = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
            ImportSummary summary;
            try
            {
                summary = await importer.ImportAsync(csv, fileName, sink, context.RequestAborted);
            }
            catch (ImportMappingException e)
            {
                return Error(StatusCodes.Status400BadRequest, "invalid mapping", e.Message, e.Key);
            }

            failed = summary.Error is not null;
            files.Add(new
            {
                file = fileName,
                rows = summary.Rows,
                points = summary.Points,
                fields = summary.Fields,
                emptyRows = summary.EmptyRows,
                refusedCount = summary.RefusedCount,
                refused = summary.Refused.Select(r => new { line = r.Line, reason = r.Reason }),
                error = summary.Error,
            });
        }

        if (files.Count == 0)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid", "no 'file' part");
        }

        // 200 with the summary even when rows were refused: the others are stored, and the summary names each refused row.
        return Results.Json(new { id, measurement = kind, files }, statusCode: failed ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    private static IResult Error(int status, string code, string message, string? key = null) =>
        Results.Json(new { code, message, key }, statusCode: status);
}
