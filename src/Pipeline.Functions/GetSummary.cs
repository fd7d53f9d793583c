using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Pipeline.Operations.Dashboard;

namespace Pipeline.Functions;

/// <summary>GET /api/summary: summaries/latest.json with its ETag; If-None-Match answers 304 while it is unchanged.</summary>
public sealed class GetSummary(DashboardApi api)
{
    [Function(nameof(GetSummary))]
    public async Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = DashboardApi.SummaryRoute)] HttpRequestData request, CancellationToken cancellationToken) =>
        await (await api.GetSummaryAsync(request.IfNoneMatch(), cancellationToken)).ToResponseAsync(request, cancellationToken);
}
