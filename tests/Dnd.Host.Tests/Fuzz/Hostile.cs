using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Values chosen to break parsers and validators: boundaries, wrong JSON types, extremes, odd characters.
/// Raw strings are for path segments, query values, headers and form fields; Json* are JSON fragments.
/// </summary>
public static class Hostile
{
    /// <summary>Past every documented text limit we know of, but small enough to send hundreds of.</summary>
    public const int HugeStringLength = 300 * 1024;

    /// <summary>Above ASP.NET's 4 MB form value limit and any sane JSON body limit.</summary>
    public const int OverLimitLength = 4 * 1024 * 1024 + 17;

    /// <summary>Past the 1 MiB a webhook body may have.</summary>
    public const int OverWebhookLimitLength = 1024 * 1024 + 10;

    public static readonly string Huge = new('x', HugeStringLength);

    private static readonly string[] OddStrings =
    [
        "", " ", "\t\r\n", "null", "undefined", "0", "-1", "true", "NaN", "Infinity", "1e300",
        "\0", "a\0b", "\u0007\u001b[31m", "\u202Eevil", "e\u0301\u0301\u0301", "😀👨‍👩‍👧‍👦", "\uFEFF", "𝕏",
        "中文字符", "Ωmega", "' OR '1'='1", "\"; DROP TABLE Contacts; --", "<script>alert(1)</script>",
        "../../etc/passwd", "%00", "%zz", "%2F", "{{ 1/0 }}", "{{ for x in 1..100000 }}x{{ end }}", "{{", "}}{{",
        "${jndi:ldap://x}", "\\", "\\u0000", "a,b", "whatsapp:", "whatsapp:+", "+", "++15550001111", "+1 (555) 000-1111",
        "STOP", "stop ", "START", "HELP", "+99999999999999999999", "x@", "@x", "a@b", "A@EXAMPLE.COM ",
    ];

    public static Gen<string> OddString => G.Pick(OddStrings);

    /// <summary>A lone surrogate: valid in a .NET string, not in UTF-8.</summary>
    public static Gen<string> BrokenUnicode => G.Pick("\uD800", "a\uDC00b", "\uDBFF\uDBFF");

    public static Gen<string> Long => G.Freq(
        (4, G.Pick(64, 65, 255, 256, 1000, 4096).Select(n => new string('a', n))),
        (2, G.Int(1000, 20_000).Select(n => string.Concat(Enumerable.Repeat("é😀", n / 3)))),
        (1, G.Const(Huge)));

    public static Gen<string> ControlChars =>
        G.Many(G.Int(0, 31).Select(c => (char)c), 1, 20).Select(cs => new string(cs.ToArray()));

    /// <summary>Any adversarial raw string.</summary>
    public static Gen<string> String => G.Freq(
        (8, OddString), (3, Long), (2, ControlChars), (1, BrokenUnicode),
        (2, G.Alnum(0, 40)), (1, G.Alnum(1, 8).Select(s => s + "/" + s)));

    private static readonly string[] OddNumbers =
    [
        "0", "-0", "-1", "1", "2147483647", "-2147483648", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "1e300", "-1e300", "1e400", "-1e400", "1e-400", "1.5", "0.1", "1E+2", "99999999999",
        "123456789012345678901234567890", "4.9e-324", "1.7976931348623157e308",
    ];

    /// <summary>Numbers as JSON text, including ones no .NET numeric type holds.</summary>
    public static Gen<string> JsonNumber => G.Pick(OddNumbers);

    /// <summary>Numbers as raw text for query strings and form fields.</summary>
    public static Gen<string> NumberText => G.Freq((5, JsonNumber), (1, G.Pick("NaN", "Infinity", "-Infinity", "0x10", "1_000", " 1", "1 ", "١٢")));

    /// <summary>A JSON value of the wrong kind for almost any field.</summary>
    public static Gen<string> JsonWrongType => G.Freq(
        (4, G.Pick("null", "{}", "[]", "[null]", "[null,null,null]", "{\"\":null}", "true", "false", "0", "\"\"")),
        (2, JsonNumber),
        (2, String.Select(JsonText.Str)),
        (1, G.Pick("[[[]]]", "[{}]", "{\"a\":{\"b\":{\"c\":[1,{}]}}}", "[1,\"a\",null,true,{}]")),
        (1, Deep(G.Int(20, 200))));

    /// <summary>Nested arrays or objects; past 64 levels System.Text.Json gives up, which must be a 400.</summary>
    public static Gen<string> Deep(Gen<int> depth) =>
        from d in depth
        from objects in G.Chance(50)
        select objects
            ? string.Concat(Enumerable.Repeat("{\"a\":", d)) + "1" + new string('}', d)
            : new string('[', d) + "1" + new string(']', d);
}
