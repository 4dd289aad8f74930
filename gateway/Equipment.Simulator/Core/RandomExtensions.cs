namespace Equipment.Simulator.Core;

public static class RandomExtensions
{
    public static double NextGaussian(this Random random, double mean = 0, double standardDeviation = 1)
    {
        // Box-Muller; 1 - NextDouble() keeps the logarithm's argument in (0, 1].
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double NextUniform(this Random random, double min, double max) =>
        min + (max - min) * random.NextDouble();

    public static bool NextChance(this Random random, double probability) => random.NextDouble() < probability;
}
