namespace Equipment.Simulator.Core;

/// <summary>
/// Per-machine seeds derived from the run seed and the machine id, so adding a machine does not
/// change the others' streams. string.GetHashCode is randomised per process, hence FNV-1a.
/// </summary>
public static class SeedDerivation
{
    public static int Derive(int seed, string id)
    {
        unchecked
        {
            var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
            hash *= 1099511628211UL;
            foreach (var c in id)
            {
                hash ^= c;
                hash *= 1099511628211UL;
            }

            return (int)(hash ^ (hash >> 32));
        }
    }

    public static Random For(int seed, string id) => new(Derive(seed, id));
}
