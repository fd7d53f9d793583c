using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Pipeline.Operations.Dashboard;

namespace Pipeline.Functions;

/// <summary>GET /api/dashboard?code=&lt;function key&gt;: the page; it passes the same key on to the API calls it polls.</summary>
public sealed class GetDashboard
{
    [Function(nameof(GetDashboard))]
    public Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = DashboardApi.PageRoute)] HttpRequestData request, CancellationToken cancellationToken) =>
        DashboardApi.GetPage(request.IfNoneMatch()).ToResponseAsync(request, cancellationToken);
}
