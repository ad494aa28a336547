using Microsoft.Extensions.Options;

namespace Dnd.Host.Configuration.Validation;

/// <summary>An options class's rules, run when it is first read and, through ValidateOnStart, before the server starts.</summary>
public sealed class SettingRules<T>(string section, Action<T, SettingProblems> rules) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var problems = new SettingProblems(section);
        rules(options, problems);
        return problems.Lines.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Lines);
    }
}
