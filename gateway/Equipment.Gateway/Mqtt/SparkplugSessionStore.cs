using System.Text.Json;

namespace Equipment.Gateway.Mqtt;

/// <summary>
/// Keeps the Sparkplug B sessions (bdSeq, seq, aliases, devices) in a small file beside the spool, written
/// (atomically, fsynced) whenever a birth or death changes them and before that message is acknowledged. Without
/// it a gateway restart would forget the aliases, and the DDATA the broker re-sends would be refused.
/// </summary>
public sealed class SparkplugSessionStore(string path)
{
    public string Path { get; } = path;

    internal Dictionary<string, SparkplugSession> Load()
    {
        var sessions = new Dictionary<string, SparkplugSession>(StringComparer.Ordinal);
        if (!File.Exists(Path))
        {
            return sessions;
        }

        var stored = JsonSerializer.Deserialize<Dictionary<string, StoredSession>>(File.ReadAllBytes(Path)) ?? [];
        foreach (var (key, s) in stored)
        {
            var session = new SparkplugSession(s.BdSeq, s.LastSeq);
            foreach (var (alias, name) in s.Aliases)
            {
                session.Aliases[alias] = name;
            }

            session.Devices.UnionWith(s.Devices);
            sessions[key] = session;
        }

        return sessions;
    }

    internal void Save(Dictionary<string, SparkplugSession> sessions)
    {
        var stored = sessions.ToDictionary(s => s.Key, s => new StoredSession(s.Value.BdSeq, s.Value.LastSeq, s.Value.Aliases, [.. s.Value.Devices]));
        var temporary = Path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, stored);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    private sealed record StoredSession(ulong BdSeq, ulong LastSeq, Dictionary<ulong, string> Aliases, List<string> Devices);
}
