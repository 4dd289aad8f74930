using Equipment.Contracts.Metrics;
using Equipment.Grains.Hosting;

// appsettings.json is found beside the dll whatever the working directory (dotnet path/to/Equipment.Silo.dll).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEquipmentSilo();
builder.AddSiloMetricsEndpoint();

var app = builder.Build();
app.MapEquipmentMetrics();
app.Run();
