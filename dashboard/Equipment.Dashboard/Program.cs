using Equipment.Contracts.Hosting;
using Equipment.Dashboard.Api;
using Equipment.Dashboard.History;
using Equipment.Dashboard.Hubs;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentClusterClient();
builder.Services.AddSingleton(TimeProvider.System);
builder.AddLiveHub();
builder.AddHistory();

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapEquipmentApi();
app.MapAlertApi();
app.MapHistoryApi();
app.MapLiveHub();
app.Run();
