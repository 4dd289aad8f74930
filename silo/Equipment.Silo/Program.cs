using Equipment.Grains.Hosting;

// appsettings.json is found beside the dll whatever the working directory (dotnet path/to/Equipment.Silo.dll).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEquipmentSilo();
builder.Build().Run();
