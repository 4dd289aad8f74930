using Equipment.Contracts.Hosting;
using Equipment.Gateway.Ingest;

// appsettings.json is found beside the dll whatever the working directory (dotnet path/to/Equipment.Gateway.dll).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEquipmentClusterClient();
builder.AddIngest();

var app = builder.Build();
app.MapIngest();
app.Run();
