// The HTTP ceiling for bench/load.sh: a minimal ASP.NET Core app on the same host defaults as the server (Kestrel,
// minimal APIs, default logging), driven by the same load generator with the same connections.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapPost("/x", () => "ok");
app.MapGet("/x", () => "ok");
app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
app.Run();
