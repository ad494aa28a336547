namespace Dnd.Host.Tests.Infrastructure;

public static class TempFiles
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "dnd-tests", Environment.ProcessId.ToString());

    public static string NewDatabase() => Path.Combine(NewFolder(), "dnd.db");

    public static string NewFolder()
    {
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
