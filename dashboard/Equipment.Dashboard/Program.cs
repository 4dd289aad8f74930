using Equipment.Contracts.Hosting;
using Equipment.Dashboard.Api;
using Equipment.Dashboard.History;
using Equipment.Dashboard.Hubs;
using Equipment.Dashboard.Security;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentClusterClient(client => client.AddDashboard());
builder.Services.AddSingleton(TimeProvider.System);
builder.AddLiveHub();
builder.AddHistory();
builder.AddDashboardSecurity();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseDashboardSecurity();
app.MapSessionApi();
app.MapAdminApi();
app.MapEquipmentApi();
app.MapAlertApi();
app.MapHistoryApi();
app.MapLiveHub();
app.MapOpenApi();
app.MapOrleansDashboard("/orleans").RequireAuthorization(DashboardRoles.Admin);
app.Run();
