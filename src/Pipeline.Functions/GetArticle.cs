using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Pipeline.Operations.Dashboard;

namespace Pipeline.Functions;

/// <summary>GET /api/articles/{id}: one enriched document from enriched/{id}.json; 400 for a malformed id, 404 when absent.</summary>
public sealed class GetArticle(DashboardApi api)
{
    [Function(nameof(GetArticle))]
    public async Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = DashboardApi.ArticleRoute)] HttpRequestData request, string id, CancellationToken cancellationToken) =>
        await (await api.GetArticleAsync(id, request.IfNoneMatch(), cancellationToken)).ToResponseAsync(request, cancellationToken);
}
