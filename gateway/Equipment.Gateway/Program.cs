using Equipment.Contracts.Hosting;
using Equipment.Gateway.Ingest;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentClusterClient();
builder.AddIngest();

var app = builder.Build();
app.MapIngest();
app.Run();
