using System.ComponentModel.DataAnnotations;

namespace Equipment.Gateway.Gbt32960;

/// <summary>
/// The GB/T 32960.3 T-Box listener (TCP). Off unless a port is set: every gateway a test or benchmark starts would
/// otherwise fight over one fixed port; <c>run.sh</c> sets <c>Gbt32960__Port=32960</c>.
/// </summary>
public sealed class Gbt32960Options : IValidatableObject
{
    public const string Section = "Gbt32960";

    /// <summary>TCP port (32960 by custom); 0 or absent leaves the listener off.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>Listen on loopback only (tests, a proxy in front) instead of every address.</summary>
    public bool LoopbackOnly { get; set; }

    /// <summary>Take logins from VINs no truck is registered with, registering a truck under the VIN as its id.</summary>
    public bool AcceptUnregistered { get; set; }

    /// <summary>A connection that completes no frame for this long is closed (T-Boxes send at least every 30 s or a heartbeat).</summary>
    [Range(1, 3600)]
    public int IdleSeconds { get; set; } = 180;

    /// <summary>Open connections at most; more are closed at once.</summary>
    [Range(1, 1_000_000)]
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>Largest frame (header + data unit + BCC); a longer length claim is treated as garbage.</summary>
    [Range(25, 65556)]
    public int MaxFrameBytes { get; set; } = 65556;

    /// <summary>How long a VIN's registration lookup is reused before the registry is asked again.</summary>
    [Range(0, 3600)]
    public int CacheSeconds { get; set; } = 5;

    /// <summary>Lower platforms allowed to log in with command 0x05 and forward many vehicles over one connection.</summary>
    public List<Gbt32960PlatformUser> PlatformUsers { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var u in PlatformUsers)
        {
            if (string.IsNullOrEmpty(u.User) || u.User.Length > 12 || string.IsNullOrEmpty(u.Password) || u.Password.Length > 20)
            {
                yield return new ValidationResult("Gbt32960:PlatformUsers entries need a user of 1–12 and a password of 1–20 characters", [nameof(PlatformUsers)]);
            }
        }
    }
}
