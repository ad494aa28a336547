using System.Diagnostics;
using System.Text;

namespace Dnd.Host.Tests.Telemetry;

/// <summary>
/// Reads what a test asserts from an OTLP export body by the field numbers of opentelemetry-proto, with a few lines of
/// protobuf wire format instead of a protobuf package: its spans (trace id, name), its metric names, its resources' service.name.
/// </summary>
public static class OtlpPayload
{
    public sealed record Span(ActivityTraceId TraceId, string Name, IReadOnlyDictionary<string, string> Attributes);

    /// <summary>ExportTraceServiceRequest: resource_spans(1) → scope_spans(2) → spans(2) → trace_id(1), name(5), attributes(9).</summary>
    public static IEnumerable<Span> Spans(byte[] body) =>
        from resource in Fields(body, 1)
        from scope in Fields(resource, 2)
        from span in Fields(scope, 2)
        select new Span(ActivityTraceId.CreateFromBytes(Fields(span, 1).Single().Span), Text(Fields(span, 5).Single()), StringAttributes(span, 9));

    /// <summary>ExportMetricsServiceRequest: resource_metrics(1) → scope_metrics(2) → metrics(2) → name(1).</summary>
    public static IEnumerable<string> MetricNames(byte[] body) =>
        from resource in Fields(body, 1)
        from scope in Fields(resource, 2)
        from metric in Fields(scope, 2)
        select Text(Fields(metric, 1).Single());

    /// <summary>Either request: resource_*(1) → resource(1) → attributes(1).</summary>
    public static IEnumerable<string> ServiceNames(byte[] body) =>
        from resource in Fields(body, 1)
        from attributes in Fields(resource, 1).Select(r => StringAttributes(r, 1))
        where attributes.ContainsKey("service.name")
        select attributes["service.name"];

    /// <summary>A message's KeyValue list: key(1), value(2) → AnyValue string_value(1); values of other types are left out.</summary>
    private static Dictionary<string, string> StringAttributes(ReadOnlyMemory<byte> message, int field) =>
        Fields(message, field)
            .Select(kv => (Key: Text(Fields(kv, 1).Single()), Value: Fields(kv, 2).SelectMany(v => Fields(v, 1)).Select(Text).FirstOrDefault()))
            .Where(kv => kv.Value is not null).DistinctBy(kv => kv.Key).ToDictionary(kv => kv.Key, kv => kv.Value!);

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    /// <summary>The length-delimited values of one field of a message; other fields are skipped by their wire type.</summary>
    private static List<ReadOnlyMemory<byte>> Fields(ReadOnlyMemory<byte> message, int field)
    {
        var found = new List<ReadOnlyMemory<byte>>();
        var at = 0;
        while (at < message.Length)
        {
            var tag = Varint(message.Span, ref at);
            var length = (tag & 7) switch
            {
                0 => SkipVarint(message.Span, ref at),
                1 => 8,
                2 => (int)Varint(message.Span, ref at),
                5 => 4,
                var type => throw new InvalidDataException($"wire type {type} at byte {at}"),
            };
            if ((tag & 7) == 2 && (int)(tag >> 3) == field)
            {
                found.Add(message.Slice(at, length));
            }
            at += length;
        }
        return found;
    }

    private static int SkipVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        Varint(bytes, ref at);
        return 0;
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
