using Dnd.Load;

// bench/load.sh builds Release and runs this: ceilings, then the server under wrk, then the correctness check.
// Exit codes: 0 all contacts right, 1 a contact (or a send) is wrong, 2 the harness could not run, 64 bad arguments.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 64;
}
await using var run = new LoadRun(options, args);
try
{
    return await run.ExecuteAsync();
}
catch (Exception e)
{
    Console.Error.WriteLine($"load: failed: {e}");
    return 2;
}
