using Dnd.Host.Errors;

namespace Dnd.Host.Api.Contacts;

public static class Paging
{
    public const int MaxPageLimit = 500;

    public static void Validate(int page, int pageLimit)
    {
        if (page < 1 || pageLimit is < 1 or > MaxPageLimit)
        {
            throw new ApiValidationException($"page must be >= 1 and pageLimit between 1 and {MaxPageLimit}.");
        }
    }
}
