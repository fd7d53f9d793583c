using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Runtime;

/// <summary>
/// The clients for the pipeline's data account, made from the <c>PipelineStorage</c> connection setting:
/// a connection string for local development, or <c>blobServiceUri</c>/<c>queueServiceUri</c>/<c>tableServiceUri</c>
/// (+ optional <c>clientId</c> of a user-assigned identity) for identity-based access in Azure.
/// </summary>
public sealed class PipelineStorage
{
    public PipelineStorage(BlobServiceClient blobs, QueueServiceClient queues, QueueServiceClient undecodedQueues, TableServiceClient tables)
    {
        Blobs = blobs;
        Queues = queues;
        UndecodedQueues = undecodedQueues;
        Tables = tables;
    }

    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }

    /// <summary>
    /// The same queues read as the service stores them (<see cref="QueueMessageEncoding.None"/>), for readers that must see
    /// every message, including one someone put on without Base64: a Base64 client throws on it, and its
    /// <see cref="QueueClientOptions.MessageDecodingFailed"/> event leaves it out of the result.
    /// </summary>
    public QueueServiceClient UndecodedQueues { get; }

    public TableServiceClient Tables { get; }

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);
    public QueueClient Queue(string name) => Queues.GetQueueClient(name);
    public QueueClient UndecodedQueue(string name) => UndecodedQueues.GetQueueClient(name);
    public TableClient Table(string name) => Tables.GetTableClient(name);

    public static PipelineStorage FromConnectionString(string connectionString) => new(
        new BlobServiceClient(connectionString, Configure(new BlobClientOptions())),
        new QueueServiceClient(connectionString, ConfigureQueue(QueueMessageEncoding.Base64)),
        new QueueServiceClient(connectionString, ConfigureQueue(QueueMessageEncoding.None)),
        new TableServiceClient(connectionString, Configure(new TableClientOptions())));

    public static PipelineStorage FromConfiguration(IConfiguration configuration, string connectionName = PipelineNames.StorageConnection)
    {
        var section = configuration.GetSection(connectionName);
        if (!string.IsNullOrWhiteSpace(section.Value))
            return FromConnectionString(section.Value);

        string blobUri = section["blobServiceUri"] ?? throw MissingSetting(connectionName);
        string queueUri = section["queueServiceUri"] ?? throw MissingSetting(connectionName);
        string tableUri = section["tableServiceUri"] ?? throw MissingSetting(connectionName);
        TokenCredential credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = section["clientId"] });
        return FromServiceUris(new Uri(blobUri), new Uri(queueUri), new Uri(tableUri), credential);
    }

    /// <summary>An account reached with Entra ID tokens, as the deployed account requires (it takes no shared keys).</summary>
    public static PipelineStorage FromServiceUris(Uri blobUri, Uri queueUri, Uri tableUri, TokenCredential credential) => new(
        new BlobServiceClient(blobUri, credential, Configure(new BlobClientOptions())),
        new QueueServiceClient(queueUri, credential, ConfigureQueue(QueueMessageEncoding.Base64)),
        new QueueServiceClient(queueUri, credential, ConfigureQueue(QueueMessageEncoding.None)),
        new TableServiceClient(tableUri, credential, Configure(new TableClientOptions())));

    /// <summary>Creates what the pipeline writes to. Local only: in Azure the Bicep template creates them.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(
            PipelineNames.Containers.Select(c => Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken))
                .Concat<Task>(PipelineNames.Queues.Select(q => Queue(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)))
                .Concat(PipelineNames.Tables.Select(t => Table(t).CreateIfNotExistsAsync(cancellationToken))))
            .ConfigureAwait(false);
        await Queue(PipelineNames.BlobPoisonQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The handlers' Polly pipeline owns retries (see <see cref="TransientFaults"/>), so the SDK makes one attempt per call;
    /// otherwise the two would multiply.
    /// </summary>
    private static T Configure<T>(T options) where T : ClientOptions
    {
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    /// <summary>The Functions and WebJobs queue triggers expect Base64 message bodies, so the pipeline writes Base64.</summary>
    private static QueueClientOptions ConfigureQueue(QueueMessageEncoding encoding) => Configure(new QueueClientOptions { MessageEncoding = encoding });

    private static InvalidOperationException MissingSetting(string name) => new(
        $"Storage connection '{name}' is not configured: set '{name}' to a connection string, or '{name}__blobServiceUri', '{name}__queueServiceUri' and '{name}__tableServiceUri' for identity-based access.");
}
