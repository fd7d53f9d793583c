using Azure.Storage.Blobs;
using Pipeline.Local.Hosting;

namespace Pipeline.Local.Tests;

public class EmbeddedAzuriteTests
{
    [Fact]
    public async Task The_endpoint_file_holds_the_ports_but_not_the_account_key()
    {
        string data = Path.Combine(Path.GetTempPath(), "pipeline-azurite-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var azurite = await EmbeddedAzurite.StartAsync(data))
            {
                string file = await File.ReadAllTextAsync(EmbeddedAzurite.EndpointFile(data));
                string key = azurite.ConnectionString.Split(';').Single(p => p.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];

                Assert.DoesNotContain("AccountKey", file, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(key, file, StringComparison.Ordinal);
                foreach (int port in azurite.Ports)
                    Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), file, StringComparison.Ordinal);

                string found = await EmbeddedAzurite.FindRunningAsync(data, CancellationToken.None) ?? throw new InvalidOperationException("not found");
                Assert.Equal(azurite.ConnectionString, found);
                Assert.NotNull((await new BlobServiceClient(found).GetPropertiesAsync()).Value);
            }
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}
