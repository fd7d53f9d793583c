using Pipeline.Local.Commands;
using Pipeline.Local.Reliability;

PipelineHostProcess.ExitWithParent(PipelineCommandLine.Interrupted);
return await PipelineCommandLine.InvokeAsync(args);
