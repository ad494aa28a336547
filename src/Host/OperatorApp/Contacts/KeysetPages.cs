namespace Dnd.Host.OperatorApp.Contacts;

/// <summary>
/// Where each page visited so far starts, for keyset paging: page 1 at the start, each later one after the last
/// contact of the page before (its searchAfter). Next pushes, Previous pops, so going back needs no offset.
/// </summary>
public sealed class KeysetPages
{
    private readonly List<IReadOnlyList<string>?> _starts = [null];

    /// <summary>The page shown, from 1.</summary>
    public int Number => _starts.Count;

    public bool IsFirst => _starts.Count == 1;

    /// <summary>The searchAfter the current page starts after; null on the first page.</summary>
    public IReadOnlyList<string>? Current => _starts[^1];

    /// <param name="lastOfPage">The searchAfter of the current page's last contact.</param>
    public void Next(IReadOnlyList<string> lastOfPage) => _starts.Add(lastOfPage);

    /// <returns>False on the first page, which stays.</returns>
    public bool Previous()
    {
        if (IsFirst)
        {
            return false;
        }
        _starts.RemoveAt(_starts.Count - 1);
        return true;
    }

    /// <summary>Back to the first page (the search or the page size changed).</summary>
    public void Reset()
    {
        _starts.Clear();
        _starts.Add(null);
    }
}
