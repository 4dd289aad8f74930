using System.Net;
using System.Net.Http.Headers;

namespace Equipment.Tests.Integration;

[Collection(OverloadCollection.Name)]
public sealed class OverloadTests(OverloadFixture platform)
{
    [Fact]
    public async Task Write_WhileAnotherWriteHoldsTheOnlySlot_Returns429WithRetryAfter()
    {
        var body = new StalledContent();
        using var first = Post(body);
        var firstResponse = platform.Gateway.SendAsync(first);
        await body.Started.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);

        using var second = await platform.Gateway.SendAsync(Post(new StringContent("tbm,id=over-2 rpm=1\n")));

        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        second.Headers.RetryAfter.Should().NotBeNull();
        body.Finish();
        (await firstResponse).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Write_InfluxDbDown_Returns503WithRetryAfterThenRecovers()
    {
        platform.Influx.Kill();
        try
        {
            using var response = await platform.Gateway.SendAsync(Post(new StringContent("tbm,id=outage-1 rpm=1 1\n")));

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter.Should().NotBeNull();
        }
        finally
        {
            await platform.Influx.StartAsync(TimeSpan.FromSeconds(30));
        }

        // The writer's retries take the batch through once InfluxDB is back, so a retried request succeeds.
        HttpStatusCode status = default;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.NoContent; attempt++)
        {
            using var retry = await platform.Gateway.SendAsync(Post(new StringContent("tbm,id=outage-1 rpm=1 1\n")));
            status = retry.StatusCode;
        }

        status.Should().Be(HttpStatusCode.NoContent);
        (await platform.Influx.RowsAsync(PlatformFixture.Database, "SELECT rpm FROM tbm WHERE id = 'outage-1'")).Should().ContainSingle();
    }

    private static HttpRequestMessage Post(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=ns") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
        return request;
    }

    /// <summary>A body that starts uploading and then waits, keeping its request in progress at the gateway.</summary>
    private sealed class StalledContent : HttpContent
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public void Finish() => _finish.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("tbm,id=over-1 rpm=1\n"u8.ToArray());
            await stream.FlushAsync();
            _started.TrySetResult();
            await _finish.Task;
            await stream.WriteAsync("tbm,id=over-1 rpm=2 5\n"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
