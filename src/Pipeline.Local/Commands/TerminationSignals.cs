using System.Runtime.InteropServices;

namespace Pipeline.Local.Commands;

/// <summary>
/// Ctrl+C and SIGTERM as a cancellation, for a command whose cleanup must run: the processes it started, its Azurite, its
/// data folder, the counts it prints as it stops. System.CommandLine 2.0 takes no signal unless
/// <c>InvocationConfiguration.ProcessTerminationTimeout</c> is set, and it is null by default, so the token a command is
/// given never fires on Ctrl+C: the process dies where it stands and no finally block runs. `run` has its host's console
/// lifetime for that; a command without one takes the signals here.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public TerminationSignals(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Cancelled by Ctrl+C, SIGTERM, or the token the command was given.</summary>
    public CancellationToken Token => _stop.Token;

    private void Stop(PosixSignalContext signal)
    {
        signal.Cancel = true; // the command stops in order instead of the process ending at once
        _stop.Cancel();
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }
}
