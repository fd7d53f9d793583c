using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pipeline.Core;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddPipelineCore(builder.Configuration);
builder.Build().Run();
