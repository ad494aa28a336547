using System.Buffers;
using System.Text;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>Percent-encoding that never throws, whatever the fuzzer put in the string (lone surrogates included).</summary>
public static class UrlText
{
    private const string Hex = "0123456789ABCDEF";
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");

    public static string Escape(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(Unreserved))
        {
            return value;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b < 0x80 && Unreserved.Contains((char)b))
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }
        return text.ToString();
    }

    /// <summary>application/x-www-form-urlencoded, keys and values escaped, order and repeats kept.</summary>
    public static string Form(IEnumerable<(string Key, string Value)> fields) =>
        string.Join("&", fields.Select(f => Escape(f.Key) + "=" + Escape(f.Value)));

    public static string Query(IEnumerable<(string Key, string Value)> parameters)
    {
        var list = parameters.ToList();
        return list.Count == 0 ? "" : "?" + Form(list);
    }
}
