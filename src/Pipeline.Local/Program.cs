using Pipeline.Local.Commands;

return await PipelineCommandLine.InvokeAsync(args);
