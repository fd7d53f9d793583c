using System.CommandLine;
using Pipeline.Local.Commands;

var root = new RootCommand("Pipeline: the newsroom ingestion pipeline on your machine (Azurite + WebJobs host + offline analyzer).")
{
    RunCommand.Create(),
    AnalyzeCommand.Create(),
    GenerateCommand.Create(),
    BenchCommand.Create(),
    SoakCommand.Create(),
    EmulateLanguageCommand.Create(),
    // Operator commands against a running pipeline's storage.
    IngestCommand.Create(),
    StatusCommand.Create(),
    ReplayCommand.Create(),
    SummaryCommand.Create(),
    EvalCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
