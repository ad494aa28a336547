using Dnd.Rules.Consent;

namespace Dnd.Rules.Tests.OptOutCorpus;

/// <summary>One labelled line of corpus.tsv.</summary>
internal sealed record OptOutCorpusCase(int Line, string Label, bool InReplyToUs, Channel Channel, string Language, string Message)
{
    public const string Clear = "clear";
    public const string Possible = "possible";
    public const string None = "none";

    public static IReadOnlyList<OptOutCorpusCase> Load(string file = "corpus.tsv")
    {
        var path = Path.Combine(AppContext.BaseDirectory, "OptOutCorpus", file);
        var cases = new List<OptOutCorpusCase>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var columns = line.Split('\t');
            if (columns.Length != 5 || columns[0] is not (Clear or Possible or None) || !bool.TryParse(columns[1], out var inReply) ||
                !ChannelNames.TryParse(columns[2], out var channel))
            {
                throw new FormatException($"{file} line {number}: expected label(clear|possible|none) TAB inReplyToUs TAB channel TAB language TAB message");
            }
            cases.Add(new OptOutCorpusCase(number, columns[0], inReply, channel, columns[3], columns[4]));
        }
        return cases;
    }
}
