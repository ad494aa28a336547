using Dnd.Host.Errors;
using Dnd.Host.Limits;

namespace Dnd.Host.Api.Contacts;

/// <summary>Page-number paging, bounded so the offset can neither overflow nor scan the whole table.</summary>
public static class Paging
{
    /// <exception cref="ApiValidationException">422 naming page or pageLimit.</exception>
    public static int Offset(long page, long pageLimit)
    {
        var errors = new FieldErrors();
        if (pageLimit is < 1 or > ApiLimits.MaxPageLimit)
        {
            errors.Add("pageLimit", $"pageLimit must be between 1 and {ApiLimits.MaxPageLimit}");
        }
        else if (page < 1 || page * pageLimit > ApiLimits.MaxPagedRecords)
        {
            errors.Add("page", $"page must be at least 1, and page × pageLimit at most {ApiLimits.MaxPagedRecords}; narrow the filters to reach further records");
        }
        errors.ThrowIfAny("The page is out of range.");
        return (int)((page - 1) * pageLimit);
    }
}
