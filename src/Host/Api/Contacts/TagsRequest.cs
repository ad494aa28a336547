using Dnd.Host.Errors;

namespace Dnd.Host.Api.Contacts;

/// <summary>Body of adding and removing tags (HighLevel's TagsDTO, where tags is required).</summary>
public sealed record TagsRequest(List<string>? Tags)
{
    /// <returns>The tags, trimmed and without case-insensitive repeats.</returns>
    /// <exception cref="ApiValidationException">422 naming what is wrong with them.</exception>
    public List<string> Validate()
    {
        var errors = new FieldErrors();
        if (Tags is null)
        {
            errors.Add("tags", "tags is required: a list of tags");
        }
        else
        {
            ContactFields.ValidateTags(Tags, errors);
        }
        errors.ThrowIfAny("The tags are invalid.");
        return ContactFields.Distinct(Tags!.OfType<string>());
    }
}
