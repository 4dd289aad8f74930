using Equipment.Contracts.Hosting;
using Equipment.Gateway.Ingest;
using Equipment.Gateway.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentClusterClient();
builder.AddIngest();
builder.AddDeviceSecurity();

var app = builder.Build();
app.UseDeviceSecurity();
app.MapIngest();
app.Run();
