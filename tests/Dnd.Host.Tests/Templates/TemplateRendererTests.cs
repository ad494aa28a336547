using Dnd.Crm.Persistence;
using Dnd.Crm.Templates;

namespace Dnd.Host.Tests.Templates;

/// <summary>Renders share one read-only set of Scriban builtins: fast, and nothing one template does reaches another's render.</summary>
public class TemplateRendererTests
{
    private readonly TemplateRenderer _renderer = new();

    private static ContactRecord Contact(string first) => new() { Id = "c-" + first, AccountId = "a", FirstName = first, Tags = ["vip"] };

    [Fact]
    public void Renders_contact_fields_through_the_builtins()
    {
        _renderer.Render("Hi {{ contact.first_name | string.upcase }}, {{ contact.tags | array.size }} tag", Contact("ada"))
            .Should().Be("Hi ADA, 1 tag");
    }

    [Fact]
    public void A_template_cannot_change_the_builtins_for_the_next_render()
    {
        var before = _renderer.Render("{{ date.format }}|{{ 'x' | string.upcase }}", Contact("a"));

        foreach (var meddling in new[] { "{{ date.format = '%Y' }}", "{{ string.upcase = 'hacked' }}", "{{ date = 1 }}{{ string = 'x' }}" })
        {
            try
            {
                _renderer.Render(meddling, Contact("b"));
            }
            catch (TemplateException)
            {
                // Refused is fine; what matters is the next render.
            }
        }

        _renderer.Render("{{ date.format }}|{{ 'x' | string.upcase }}", Contact("c")).Should().Be(before);
        before.Should().EndWith("|X");
    }

    [Fact]
    public void Renders_side_by_side_each_see_their_own_contact()
    {
        var names = Enumerable.Range(0, 2000).Select(i => "n" + i).ToList();
        var rendered = names.AsParallel().WithDegreeOfParallelism(8)
            .Select(n => (n, _renderer.Render("{{ contact.first_name }}:{{ contact.first_name | string.size }}", Contact(n)))).ToList();
        rendered.Should().OnlyContain(r => r.Item2 == $"{r.n}:{r.n.Length}");
    }
}
