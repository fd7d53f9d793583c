using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using Pipeline.Operations.Dashboard;

namespace Pipeline.Functions;

/// <summary>Translates between the worker's HTTP types and Core's <see cref="ApiResponse"/>, so each HTTP function is one call.</summary>
internal static class HttpAdapter
{
    public static string? IfNoneMatch(this HttpRequestData request) =>
        request.Headers.TryGetValues("If-None-Match", out var values) ? string.Join(", ", values) : null;

    public static async Task<HttpResponseData> ToResponseAsync(this ApiResponse api, HttpRequestData request, CancellationToken cancellationToken)
    {
        var response = request.CreateResponse((HttpStatusCode)api.StatusCode);
        foreach (var (name, value) in api.Headers)
            response.Headers.Add(name, value);
        if (api.ContentType is not null)
            response.Headers.Add("Content-Type", api.ContentType);
        // HEAD: GET's headers, no body (RFC 9110).
        if (string.Equals(request.Method, "HEAD", StringComparison.OrdinalIgnoreCase))
            response.Headers.Add("Content-Length", api.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else
            await response.Body.WriteAsync(api.Body, cancellationToken).ConfigureAwait(false);
        return response;
    }
}
