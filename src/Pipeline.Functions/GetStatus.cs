using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Pipeline.Operations.Dashboard;

namespace Pipeline.Functions;

/// <summary>GET /api/status: quarantined articles by reason, poisoned items and queue depths, with an ETag over the body.</summary>
public sealed class GetStatus(DashboardApi api)
{
    [Function(nameof(GetStatus))]
    public async Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = DashboardApi.StatusRoute)] HttpRequestData request, CancellationToken cancellationToken) =>
        await (await api.GetStatusAsync(request.IfNoneMatch(), cancellationToken)).ToResponseAsync(request, cancellationToken);
}
