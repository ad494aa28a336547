namespace Dnd.Host.Tests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dnd.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Dnd.sln not found above " + AppContext.BaseDirectory);
    }
}
