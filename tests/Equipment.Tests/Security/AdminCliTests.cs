using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Equipment.Admin;
using static Equipment.Tests.Security.SecurityClient;

namespace Equipment.Tests.Security;

[Collection(SecurityCollection.Name)]
public sealed class AdminCliTests(SecurityFixture platform)
{
    [Fact]
    public async Task TokensCreateListRevoke_AdminKey_ManagesAWorkingToken()
    {
        var truck = Unique("truck");

        var created = JsonDocument.Parse(await RunAsync(0, "tokens", "create", "--name", "cli test", "--scope", "equipment:" + truck)).RootElement;
        var id = created.GetProperty("id").GetString()!;
        var token = created.GetProperty("token").GetString()!;
        (await WriteAsync(platform.Gateway, token, $"truck,id={truck} soc_pct=80\n")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var list = await RunAsync(0, "tokens", "list");
        await RunAsync(0, "tokens", "revoke", id);

        list.Should().Contain(id).And.NotContain(token);
        var status = await EventuallyAsync(async () => (await WriteAsync(platform.Gateway, token, $"truck,id={truck} soc_pct=79\n")).StatusCode, s => s == HttpStatusCode.Unauthorized, 5);
        status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UsersCreate_NonAdminKey_FailsWithExitCode1()
    {
        var (_, viewerKey) = await CreateUserAsync(platform, "viewer");

        var output = await RunAsAsync(1, viewerKey, "users", "create", "--name", "x", "--roles", "admin");

        output.Should().Contain("403");
    }

    [Fact]
    public void Parse_MissingScope_ThrowsNamingTheOption()
    {
        var parse = () => AdminCommand.Parse(["tokens", "create", "--name", "x"], v => v == "EQUIPMENT_ADMIN_KEY" ? "key" : null);

        parse.Should().Throw<ArgumentException>().WithMessage("*--scope*");
    }

    private Task<string> RunAsync(int expectedExit, params string[] args) => RunAsAsync(expectedExit, Integration.PlatformFixture.DevToken, args);

    /// <summary>Runs the real CLI (equipment-admin.dll next to the tests) against the fixture's dashboard, the key in the environment.</summary>
    private async Task<string> RunAsAsync(int expectedExit, string key, params string[] args)
    {
        var dll = Path.ChangeExtension(typeof(AdminCommand).Assembly.Location, ".dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--url");
        start.ArgumentList.Add(platform.DashboardUrl);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["EQUIPMENT_ADMIN_KEY"] = key;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(expectedExit, await error);
        return await output + await error;
    }
}
