using Equipment.Contracts.Hosting;
using Equipment.Gateway.Gbt32960;
using Equipment.Gateway.Ingest;
using Equipment.Gateway.Security;

// appsettings.json is found beside the dll whatever the working directory (dotnet path/to/Equipment.Gateway.dll).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEquipmentClusterClient();
builder.AddIngest();
builder.AddDeviceSecurity();
builder.AddGbt32960();

var app = builder.Build();
app.UseDeviceSecurity();
app.MapIngest();
app.Run();
