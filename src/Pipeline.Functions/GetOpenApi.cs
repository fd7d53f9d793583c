using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Pipeline.Operations.Dashboard;

namespace Pipeline.Functions;

/// <summary>GET /api/openapi.json: the API's OpenAPI description.</summary>
public sealed class GetOpenApi
{
    [Function(nameof(GetOpenApi))]
    public Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = DashboardApi.OpenApiRoute)] HttpRequestData request, CancellationToken cancellationToken) =>
        DashboardApi.GetOpenApi(request.IfNoneMatch()).ToResponseAsync(request, cancellationToken);
}
