using Equipment.Telemetry.Ingest;

namespace Equipment.Gateway.Security;

/// <summary>A registry answer for one token hash: its scope (null when unknown or revoked) and when it was fetched.</summary>
internal sealed record CachedScope(IWriteScope? Scope, long FetchedTicks);
