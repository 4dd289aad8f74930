using Equipment.Contracts.Hosting;
using Equipment.Gateway.Import;
using Equipment.Gateway.Ingest;
using Equipment.Gateway.Security;
using Equipment.Gateway.V1;

// appsettings.json is found beside the dll whatever the working directory (dotnet path/to/Equipment.Gateway.dll).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEquipmentClusterClient();
builder.AddIngest();
builder.AddDeviceSecurity();
builder.AddInfluxV1();
builder.AddLoggerImport();

var app = builder.Build();
app.UseDeviceSecurity();
app.MapIngest();
app.MapInfluxV1();
app.MapLoggerImport();
app.Run();
