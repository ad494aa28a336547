using Microsoft.Extensions.Options;

namespace Dnd.Host.Configuration.Validation;

/// <summary>
/// Checks every validated setting before anything else runs, so a bad one stops the server with one clear line per
/// setting on stderr and exit code 1, not a stack trace from whichever service first read it.
/// </summary>
public static class StartupSettings
{
    public const int ExitCode = 1;

    public static bool Check(IServiceProvider services, TextWriter errors)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception e) when (e is OptionsValidationException or AggregateException or InvalidOperationException)
        {
            var lines = e is AggregateException all ? all.InnerExceptions.SelectMany(Lines) : Lines(e);
            foreach (var line in lines)
            {
                errors.WriteLine(line);
            }
            errors.WriteLine("The server did not start: correct the settings above (appsettings.json or environment variables such as Dnd__Jobs__BatchSize).");
            return false;
        }
    }

    /// <summary>A rule's lines; a value the binder could not convert (a TimeSpan "abc") says so in its own message, which names the key.</summary>
    private static IEnumerable<string> Lines(Exception e) => e is OptionsValidationException invalid ? invalid.Failures : [e.Message];
}
