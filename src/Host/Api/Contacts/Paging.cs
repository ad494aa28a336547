using Dnd.Host.Errors;
using Dnd.Host.Limits;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// Page-number paging, bounded so the offset can neither overflow nor scan the whole table; with a searchAfter
/// cursor the page starts at the cursor instead, so only pageLimit is bounded.
/// </summary>
public static class Paging
{
    /// <exception cref="ApiValidationException">422 naming page or pageLimit.</exception>
    public static int Offset(long page, long pageLimit)
    {
        var errors = new FieldErrors();
        var offset = Offset(page, pageLimit, keyset: false, errors);
        errors.ThrowIfAny("The page is out of range.");
        return offset;
    }

    /// <param name="keyset">The request has a searchAfter cursor: page must stay 1, the cursor says where the page starts.</param>
    /// <param name="errors">Gets a message naming page or pageLimit when either is out of range.</param>
    public static int Offset(long page, long pageLimit, bool keyset, FieldErrors errors)
    {
        if (pageLimit is < 1 or > ApiLimits.MaxPageLimit)
        {
            errors.Add("pageLimit", $"pageLimit must be between 1 and {ApiLimits.MaxPageLimit}");
        }
        else if (keyset && page != 1)
        {
            errors.Add("page", "page must be 1 (or left out) with searchAfter: the cursor says where the page starts");
        }
        // Divided rather than multiplied: a huge page times pageLimit would wrap around and pass.
        else if (page < 1 || page > ApiLimits.MaxPagedRecords / pageLimit)
        {
            errors.Add("page", $"page must be at least 1, and page × pageLimit at most {ApiLimits.MaxPagedRecords}; use searchAfter, or narrow the filters, to reach further records");
        }
        return errors.Any ? 0 : (int)((page - 1) * pageLimit);
    }
}
