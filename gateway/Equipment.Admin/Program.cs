using System.Net.Http.Headers;
using System.Net.Http.Json;
using Equipment.Admin;
using Equipment.Admin.Import;

// Logger files go to the gateway (the ingest path), everything else to the dashboard's admin API.
if (args.Length > 0 && args[0] == "import")
{
    return await ImportCommand.RunAsync(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error, !Console.IsErrorRedirected);
}

// A thin client of the dashboard's admin API (/api/admin/*), so tokens and users can be managed from a shell.
AdminCommand command;
try
{
    command = AdminCommand.Parse(args, Environment.GetEnvironmentVariable);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(AdminCommand.Usage);
    Console.Error.WriteLine(ImportCommand.Usage);
    return 2;
}

using var http = new HttpClient { BaseAddress = command.Dashboard, Timeout = TimeSpan.FromSeconds(30) };
using var request = new HttpRequestMessage(command.Method, command.Path);
request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", command.Key);
if (command.Body is not null)
{
    request.Content = JsonContent.Create(command.Body);
}

try
{
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        Console.Error.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}: {text}");
        return 1;
    }

    Console.WriteLine(text.Length > 0 ? text : "ok");
    return 0;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"cannot reach {command.Dashboard}: {e.Message}");
    return 1;
}
