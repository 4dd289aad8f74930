using Equipment.Grains.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddEquipmentSilo();
builder.Build().Run();
