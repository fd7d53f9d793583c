using System.Net;
using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Pipeline.Functions;

namespace Pipeline.Functions.Tests;

/// <summary>The HTTP functions' methods with the worker's request and response types: HEAD gets GET's headers and no body.</summary>
public class HttpFunctionTests
{
    private static readonly GetDashboard Dashboard = new();

    [Fact]
    public async Task Head_answers_with_the_headers_of_get_and_no_body()
    {
        var get = (FakeResponse)await Dashboard.Run(new FakeRequest("GET"), CancellationToken.None);
        var head = (FakeResponse)await Dashboard.Run(new FakeRequest("HEAD"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(get.Body.Length > 1000);
        Assert.Equal(0, head.Body.Length);
        Assert.Equal(get.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), head.Headers.GetValues("Content-Length").Single());
        foreach (string name in new[] { "ETag", "Content-Type", "Cache-Control", "Content-Security-Policy" })
            Assert.Equal(get.Headers.GetValues(name), head.Headers.GetValues(name));
    }

    [Fact]
    public async Task The_entity_functions_pass_the_query_string_on_and_answer_400_for_a_bad_one()
    {
        // Refused before any storage call, so an account that does not exist is enough.
        var storage = Pipeline.Runtime.PipelineStorage.FromConnectionString("UseDevelopmentStorage=true");
        var api = new Pipeline.Operations.Dashboard.DashboardApi(storage, new Pipeline.Operations.PipelineInspector(storage), new Pipeline.Summary.ArticleRecordStore(storage),
            new Pipeline.Summary.SummaryStore(storage), new Pipeline.Summary.SummaryAggregator(new Pipeline.Summary.SummaryOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<Pipeline.Operations.Dashboard.DashboardApi>.Instance);

        var search = (FakeResponse)await new GetEntities(api).Run(new FakeRequest("GET", "https://pipeline.example/api/entities?q=lis&category=Planet"), CancellationToken.None);
        var limit = (FakeResponse)await new GetEntities(api).Run(new FakeRequest("GET", "https://pipeline.example/api/entities?q=lis&limit=500"), CancellationToken.None);
        var entity = (FakeResponse)await new GetEntity(api).Run(new FakeRequest("GET", "https://pipeline.example/api/entities/location%3Alisbon?category=Planet"), "location:lisbon", CancellationToken.None);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (search.StatusCode, limit.StatusCode, entity.StatusCode));
        Assert.Equal("application/problem+json; charset=utf-8", entity.Headers.GetValues("Content-Type").Single());
    }

    private sealed class FakeRequest(string method, string url = "https://pipeline.example/api/dashboard") : HttpRequestData(new FakeContext())
    {
        public override Stream Body { get; } = Stream.Null;
        public override HttpHeadersCollection Headers { get; } = [];
        public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];
        public override Uri Url { get; } = new(url);
        public override IEnumerable<ClaimsIdentity> Identities { get; } = [];
        public override string Method { get; } = method;
        public override HttpResponseData CreateResponse() => new FakeResponse(FunctionContext);
    }

    private sealed class FakeResponse(FunctionContext context) : HttpResponseData(context)
    {
        public override HttpStatusCode StatusCode { get; set; }
        public override HttpHeadersCollection Headers { get; set; } = [];
        public override Stream Body { get; set; } = new MemoryStream();
        public override HttpCookies Cookies => throw new NotSupportedException();
    }

    private sealed class FakeContext : FunctionContext
    {
        public override string InvocationId => "test";
        public override string FunctionId => "GetDashboard";
        public override TraceContext TraceContext => throw new NotSupportedException();
        public override BindingContext BindingContext => throw new NotSupportedException();
        public override RetryContext RetryContext => throw new NotSupportedException();
        public override IServiceProvider InstanceServices { get; set; } = null!;
        public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();
        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
        public override IInvocationFeatures Features => throw new NotSupportedException();
    }
}
