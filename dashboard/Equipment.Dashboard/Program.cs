using Equipment.Contracts.Hosting;
using Equipment.Dashboard.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentClusterClient();
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();
app.MapEquipmentApi();
app.MapAlertApi();
app.Run();
