using System.Collections.Concurrent;
using Dnd.Crm.Persistence;
using Scriban;
using Scriban.Runtime;

namespace Dnd.Crm.Templates;

/// <summary>
/// Renders message bodies as Scriban templates over the contact ({{ contact.first_name }}). Parsed templates are
/// cached by text, since the same workflow step renders the same template for every contact.
/// </summary>
public sealed class TemplateRenderer
{
    private const int CacheLimit = 2048;
    private readonly ConcurrentDictionary<string, Template> _cache = new();

    // Scriban's builtins (date, string, math...), made once and read-only: a context made without them clones the
    // whole set per render (a tenth of a workflow Send's time), and read-only they cannot carry anything from one
    // render (one account's template) to another.
    private static readonly ScriptObject Builtins = ReadOnly(TemplateContext.GetDefaultBuiltinObject());

    /// <returns>Each parse error as "line L, column C: message" (1-based); empty when the text parses.</returns>
    public static IReadOnlyList<string> Validate(string text)
    {
        var template = Template.Parse(text);
        return template.HasErrors ? Errors(template) : [];
    }

    private static List<string> Errors(Template template) =>
        template.Messages.Select(m => $"line {m.Span.Start.Line + 1}, column {m.Span.Start.Column + 1}: {m.Message}").ToList();

    /// <exception cref="TemplateException">The template does not parse or fails while rendering.</exception>
    /// <param name="variables">The workflow instance's variables, as {{ variables.name }}; none outside a workflow.</param>
    /// <param name="account">The account, as {{ account.business_name }}; empty fields when not given.</param>
    /// <param name="unsubscribeLink">The message's own unsubscribe link, as {{ unsubscribe_link }}; empty outside a message.</param>
    public string Render(string text, ContactRecord contact, IReadOnlyDictionary<string, string>? variables = null, AccountModel? account = null,
        string? unsubscribeLink = null)
    {
        var template = Parse(text);
        var globals = new ScriptObject();
        globals.Add("contact", ContactModel(contact));
        globals.Add("account", new ScriptObject
        {
            ["name"] = account?.Name ?? "", ["business_name"] = account?.BusinessName ?? "", ["business_address"] = account?.BusinessAddress ?? "",
        });
        var vars = new ScriptObject();
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            vars.Add(name, value);
        }
        globals.Add("variables", vars);
        globals.Add("unsubscribe_link", unsubscribeLink ?? "");
        var context = new TemplateContext(Builtins) { StrictVariables = false, LoopLimit = 1000, RecursiveLimit = 20 };
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            throw new TemplateException([e.Message]);
        }
    }

    private Template Parse(string text)
    {
        if (_cache.TryGetValue(text, out var cached))
        {
            return cached;
        }
        var template = Template.Parse(text);
        if (template.HasErrors)
        {
            throw new TemplateException(Errors(template));
        }
        if (_cache.Count < CacheLimit)
        {
            _cache.TryAdd(text, template);
        }
        return template;
    }

    private static ScriptObject ReadOnly(ScriptObject builtins)
    {
        foreach (var value in builtins.Values)
        {
            if (value is IScriptObject nested)
            {
                nested.IsReadOnly = true;
            }
        }
        builtins.IsReadOnly = true;
        return builtins;
    }

    private static ScriptObject ContactModel(ContactRecord c)
    {
        var model = new ScriptObject
        {
            ["id"] = c.Id,
            ["first_name"] = c.FirstName ?? "",
            ["last_name"] = c.LastName ?? "",
            ["name"] = c.FullName,
            ["email"] = c.Email ?? "",
            ["phone"] = c.Phone ?? "",
            ["company_name"] = c.CompanyName ?? "",
        };
        var tags = new ScriptArray();
        foreach (var tag in c.Tags)
        {
            tags.Add(tag);
        }
        model["tags"] = tags;
        return model;
    }
}
