using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Local.Hosting;

namespace Pipeline.Local.Tests;

/// <summary>
/// A queue invocation that finishes after its host was stopped and disposed must not end the process: the WebJobs
/// default handler rethrows its ObjectDisposedException on a thread of its own, which once aborted a whole test run.
/// </summary>
public class LocalHostShutdownTests
{
    [Fact]
    public void A_disposed_logger_met_while_the_host_stops_is_not_rethrown()
    {
        using var host = LocalHost.Build("UseDevelopmentStorage=true");
        var handler = host.Services.GetRequiredService<IWebJobsExceptionHandler>();
        // Checked first: the default handler would take this test process down on the call below.
        Assert.Equal("StoppingExceptionHandler", handler.GetType().Name);

        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var late = ExceptionDispatchInfo.Capture(new ObjectDisposedException("LoggerFactory"));

        Assert.True(handler.OnUnhandledExceptionAsync(late).IsCompletedSuccessfully);
    }
}
