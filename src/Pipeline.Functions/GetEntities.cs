using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Pipeline.Operations.Dashboard;

namespace Pipeline.Functions;

/// <summary>GET /api/entities?q=&amp;category=&amp;limit=: entity search over the summary state; 400 for a bad query.</summary>
public sealed class GetEntities(DashboardApi api)
{
    [Function(nameof(GetEntities))]
    public async Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = DashboardApi.EntitiesRoute)] HttpRequestData request, CancellationToken cancellationToken) =>
        await (await api.SearchEntitiesAsync(request.Query["q"], request.Query["category"], request.Query["limit"], request.IfNoneMatch(), cancellationToken)).ToResponseAsync(request, cancellationToken);
}
