using Equipment.Contracts.Hosting;
using Equipment.Gateway.Gbt32960;
using Equipment.Gateway.Import;
using Equipment.Gateway.Ingest;
using Equipment.Gateway.Mqtt;
using Equipment.Gateway.Security;
using Equipment.Gateway.V1;

// appsettings.json is found beside the dll whatever the working directory (dotnet path/to/Equipment.Gateway.dll).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEquipmentClusterClient();
builder.AddIngest();
builder.AddMqtt();
builder.AddDeviceSecurity();
builder.AddGbt32960();
builder.AddInfluxV1();
builder.AddLoggerImport();

var app = builder.Build();
app.UseDeviceSecurity();
app.MapIngest();
app.MapMqtt();
app.MapInfluxV1();
app.MapLoggerImport();
app.Run();
