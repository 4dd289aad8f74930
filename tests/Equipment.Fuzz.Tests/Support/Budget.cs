using Xunit.Sdk;

namespace Equipment.Fuzz.Tests.Support;

/// <summary>
/// Runs one input on a worker thread and gives up waiting after a generous budget, so a hang (an endless or
/// quadratic loop) fails the test with the input's description instead of stalling the run. Not a speed check:
/// the budget is seconds for inputs that take milliseconds.
/// </summary>
public static class Budget
{
    public static readonly TimeSpan PerInput = TimeSpan.FromSeconds(5);

    public static T Run<T>(Func<T> work, string describe) => Run(work, PerInput, describe);

    public static T Run<T>(Func<T> work, TimeSpan budget, string describe)
    {
        var task = Task.Run(work);
        try
        {
            return task.WaitAsync(budget).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            throw new XunitException($"no answer within {budget.TotalSeconds} s (hang?) for {describe}");
        }
        catch (Exception e) when (e is not XunitException)
        {
            throw new XunitException($"threw {e.GetType().Name}: {e.Message} for {describe}\n{e}");
        }
    }
}
