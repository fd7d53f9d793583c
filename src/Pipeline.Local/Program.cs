using System.CommandLine;
using Pipeline.Local.Commands;

var root = new RootCommand("Pipeline: the newsroom ingestion pipeline on your machine (Azurite + WebJobs host + offline analyzer).")
{
    RunCommand.Create(),
    AnalyzeCommand.Create(),
    GenerateCommand.Create(),
    EvalCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
