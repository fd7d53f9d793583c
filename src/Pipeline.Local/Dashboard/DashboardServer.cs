using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Operations.Dashboard;

namespace Pipeline.Local.Dashboard;

/// <summary>
/// The Functions app's dashboard routes on a loopback Kestrel, answered by the same <see cref="DashboardApi"/>.
/// No function key: it listens on 127.0.0.1 only.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    /// <summary>Unset means 7071 for a long-running <c>run</c>, and a free port for <c>run --once</c>, so batch runs never collide.</summary>
    public static readonly Option<int?> PortOption = new("--port")
    {
        Description = "Port of the dashboard and its API on 127.0.0.1 (default 7071; with --once a free port; 0 picks a free one).",
    };

    /// <summary>Browser pages on these origins may call the API (CORS); the Azure app gets the same from the platform's CORS setting.</summary>
    public static readonly Option<string[]> AllowOriginOption = CreateAllowOriginOption();

    private static Option<string[]> CreateAllowOriginOption()
    {
        var option = new Option<string[]>("--allow-origin")
        {
            Description = "Let browser pages on this origin (e.g. https://grafana.example.com) read the API; repeatable; * allows any.",
        };
        option.Validators.Add(result =>
        {
            foreach (string origin in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (origin != "*" && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.GetLeftPart(UriPartial.Authority) == origin.TrimEnd('/')))
                    result.AddError($"--allow-origin takes an origin such as https://dashboards.example.com (scheme, host, port; no path) or *, not '{origin}'.");
            }
        });
        return option;
    }

    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri baseAddress, IReadOnlyList<string> routes)
    {
        _app = app;
        BaseAddress = baseAddress;
        Routes = routes;
    }

    /// <summary>The route templates this server answers (<c>/api/summary</c>, ...), for the test that holds them to the OpenAPI description.</summary>
    public IReadOnlyList<string> Routes { get; }

    /// <summary>http://127.0.0.1:{port}/ — the routes are under api/.</summary>
    public Uri BaseAddress { get; }

    public Uri PageAddress => new(BaseAddress, "api/" + DashboardApi.PageRoute);

    public static async Task<DashboardServer> StartAsync(DashboardApi api, int port, IReadOnlyCollection<string> allowedOrigins, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        // The command that starts the server owns Ctrl+C and SIGTERM; a second console lifetime would swallow them.
        builder.Services.AddSingleton<IHostLifetime, CallerOwnedLifetime>();
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (allowedOrigins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins([.. allowedOrigins]);
            policy.WithMethods(HttpMethods.Get, HttpMethods.Head).WithHeaders("If-None-Match").WithExposedHeaders("ETag");
        }));
        var app = builder.Build();
        app.UseCors();

        // RFC 9110: a resource that answers GET answers HEAD with the same headers.
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        var routes = app.MapGroup("/api");
        routes.MapMethods(DashboardApi.SummaryRoute, methods, async (HttpContext http) => await WriteAsync(http, await api.GetSummaryAsync(IfNoneMatch(http), http.RequestAborted)));
        routes.MapMethods(DashboardApi.ArticleRoute, methods, async (HttpContext http, string id) => await WriteAsync(http, await api.GetArticleAsync(id, IfNoneMatch(http), http.RequestAborted)));
        routes.MapMethods(DashboardApi.StatusRoute, methods, async (HttpContext http) => await WriteAsync(http, await api.GetStatusAsync(IfNoneMatch(http), http.RequestAborted)));
        routes.MapMethods(DashboardApi.PageRoute, methods, (HttpContext http) => WriteAsync(http, DashboardApi.GetPage(IfNoneMatch(http))));
        routes.MapMethods(DashboardApi.EntitiesRoute, methods, async (HttpContext http) => await WriteAsync(http,
            await api.SearchEntitiesAsync(Query(http, "q"), Query(http, "category"), Query(http, "limit"), IfNoneMatch(http), http.RequestAborted)));
        routes.MapMethods(DashboardApi.EntityRoute, methods, async (HttpContext http, string id) => await WriteAsync(http,
            await api.GetEntityAsync(id, Query(http, "category"), IfNoneMatch(http), http.RequestAborted)));
        routes.MapMethods(DashboardApi.OpenApiRoute, methods, (HttpContext http) => WriteAsync(http, DashboardApi.GetOpenApi(IfNoneMatch(http))));

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var served = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText!).ToList();
        return new DashboardServer(app, new Uri(address.TrimEnd('/') + "/"), served);
    }

    /// <summary>A query parameter; present but empty reads as empty, absent as null.</summary>
    private static string? Query(HttpContext http, string name) => http.Request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    private static string? IfNoneMatch(HttpContext http) => http.Request.Headers.IfNoneMatch is { Count: > 0 } values ? values.ToString() : null;

    private static async Task WriteAsync(HttpContext http, ApiResponse api)
    {
        http.Response.StatusCode = api.StatusCode;
        foreach (var (name, value) in api.Headers)
            http.Response.Headers[name] = value;
        if (api.ContentType is not null)
            http.Response.ContentType = api.ContentType;
        if (HttpMethods.IsHead(http.Request.Method))
        {
            http.Response.ContentLength = api.Body.Length;
            return;
        }
        await http.Response.Body.WriteAsync(api.Body, http.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class CallerOwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
