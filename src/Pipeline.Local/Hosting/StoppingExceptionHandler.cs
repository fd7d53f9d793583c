using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Hosting;

namespace Pipeline.Local.Hosting;

/// <summary>
/// The WebJobs SDK hands a listener's unhandled exception to this handler, and the default ends the process by rethrowing
/// it on a thread of its own. One such exception is not a fault: a queue listener's <c>StopAsync</c> can return before its
/// last invocation completes (Azure/azure-functions-host#6758), and that invocation's closing log line then meets the
/// stopped host's disposed <c>LoggerFactory</c>. Its message was handled or will be delivered again when its visibility
/// timeout lapses, so a host that is stopping ignores that one exception instead of taking the process down with it.
/// </summary>
internal sealed class StoppingExceptionHandler(IHost host, IHostApplicationLifetime lifetime) : IWebJobsExceptionHandler
{
    private readonly WebJobsExceptionHandler _default = new(host);

    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) =>
        _default.OnTimeoutExceptionAsync(exceptionInfo, timeoutGracePeriod);

    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo) =>
        exceptionInfo.SourceException is ObjectDisposedException && lifetime.ApplicationStopping.IsCancellationRequested
            ? Task.CompletedTask
            : _default.OnUnhandledExceptionAsync(exceptionInfo);
}
