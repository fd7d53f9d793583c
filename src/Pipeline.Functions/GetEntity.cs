using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Pipeline.Operations.Dashboard;

namespace Pipeline.Functions;

/// <summary>GET /api/entities/{id}: one entity by percent-encoded canonical id (the host decodes it); 404 when unknown.</summary>
public sealed class GetEntity(DashboardApi api)
{
    [Function(nameof(GetEntity))]
    public async Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = DashboardApi.EntityRoute)] HttpRequestData request, string id, CancellationToken cancellationToken) =>
        await (await api.GetEntityAsync(id, request.Query["category"], request.IfNoneMatch(), cancellationToken)).ToResponseAsync(request, cancellationToken);
}
