using System.Text;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>multipart/form-data bodies, well-formed or broken in the ways parsers trip on.</summary>
public static class Multipart
{
    public enum Damage
    {
        None,
        WrongBoundary,
        NoClosingBoundary,
        BoundaryTooLong,
        NoBoundaryParameter,
        NoDisposition,
        Truncated,
    }

    /// <returns>The content type to send and the body.</returns>
    public static (string ContentType, byte[] Body) Build(IEnumerable<(string Key, string Value)> fields, string boundary, Damage damage)
    {
        var declared = damage switch
        {
            Damage.BoundaryTooLong => new string('b', 200),
            _ => boundary,
        };
        var used = damage switch
        {
            Damage.WrongBoundary => boundary + "x",
            Damage.BoundaryTooLong => declared,
            _ => boundary,
        };
        var text = new StringBuilder();
        foreach (var (key, value) in fields)
        {
            text.Append("--").Append(used).Append("\r\n");
            if (damage != Damage.NoDisposition)
            {
                text.Append("Content-Disposition: form-data; name=\"").Append(key.Replace("\"", "%22")).Append("\"\r\n");
            }
            text.Append("\r\n").Append(value).Append("\r\n");
        }
        if (damage != Damage.NoClosingBoundary)
        {
            text.Append("--").Append(used).Append("--\r\n");
        }
        var body = Encoding.UTF8.GetBytes(text.ToString());
        if (damage == Damage.Truncated)
        {
            body = body[..(body.Length / 2)];
        }
        var type = damage == Damage.NoBoundaryParameter ? "multipart/form-data" : $"multipart/form-data; boundary={declared}";
        return (type, body);
    }
}
