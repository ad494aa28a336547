using System.Text;
using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Xunit.Abstractions;

namespace Dnd.Rules.Tests.OptOutCorpus;

/// <summary>
/// The detector's measured quality: every labelled reply goes through the real ConsentEngine and NRules policy on a
/// fresh contact, and what the rules did is compared with the label.
/// </summary>
public class OptOutCorpusTests(ITestOutputHelper output)
{
    private const double MinClearRecall = 0.97;
    private const double MaxFalseOptOuts = 0.01;

    [Fact]
    public void Clear_opt_outs_are_caught_and_everyday_replies_are_not_opted_out()
    {
        var (recall, falseOptOuts, table, cases) = Measure("corpus.tsv");

        cases.Should().BeGreaterThanOrEqualTo(300);
        recall.Should().BeGreaterThanOrEqualTo(MinClearRecall, "clear opt-outs must be honoured:\n" + table);
        falseOptOuts.Should().BeLessThanOrEqualTo(MaxFalseOptOuts, "everyday replies must not opt contacts out:\n" + table);
    }

    /// <summary>Wording the lists were not tuned on: reported, with a looser floor that only catches a collapse.</summary>
    [Fact]
    public void Held_out_replies_are_reported()
    {
        var (recall, falseOptOuts, table, _) = Measure("holdout.tsv");

        recall.Should().BeGreaterThanOrEqualTo(0.85, table);
        falseOptOuts.Should().BeLessThanOrEqualTo(0.05, table);
    }

    private (double Recall, double FalseOptOuts, string Table, int Cases) Measure(string file)
    {
        var predicted = OptOutCorpusCase.Load(file).Select(c => (Case: c, Predicted: Predict(c))).ToList();

        var table = new StringBuilder();
        table.AppendLine($"{file}:");
        table.AppendLine("| label | count | predicted clear | predicted possible | predicted none |");
        table.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var label in new[] { OptOutCorpusCase.Clear, OptOutCorpusCase.Possible, OptOutCorpusCase.None })
        {
            var rows = predicted.Where(p => p.Case.Label == label).ToList();
            int Count(string p) => rows.Count(r => r.Predicted == p);
            table.AppendLine($"| {label} | {rows.Count} | {Count(OptOutCorpusCase.Clear)} | {Count(OptOutCorpusCase.Possible)} | {Count(OptOutCorpusCase.None)} |");
        }
        var clear = predicted.Where(p => p.Case.Label == OptOutCorpusCase.Clear).ToList();
        var everyday = predicted.Where(p => p.Case.Label == OptOutCorpusCase.None).ToList();
        var recall = (double)clear.Count(p => p.Predicted == OptOutCorpusCase.Clear) / clear.Count;
        var falseOptOuts = (double)everyday.Count(p => p.Predicted == OptOutCorpusCase.Clear) / everyday.Count;
        table.AppendLine();
        table.AppendLine($"Recall on clear opt-outs: {recall:P1} (corpus.tsv must reach {MinClearRecall:P0})");
        table.AppendLine($"False opt-outs (everyday replies read as clear): {falseOptOuts:P1} (corpus.tsv at most {MaxFalseOptOuts:P0})");
        table.AppendLine();
        table.AppendLine("Disagreements (line: label -> predicted: message):");
        foreach (var (c, p) in predicted.Where(p => p.Predicted != p.Case.Label))
        {
            table.AppendLine($"  {c.Line}: {c.Label} -> {p} ({c.Channel.ToWire()}{(c.InReplyToUs ? ", in reply" : "")}): {c.Message}");
        }
        output.WriteLine(table.ToString());
        return (recall, falseOptOuts, table.ToString(), predicted.Count);
    }

    private static string Predict(OptOutCorpusCase c)
    {
        var decision = Rules.Apply(Rules.NewContact(), new InboundMessageEvent(c.Channel, c.Message) { InReplyToUs = c.InReplyToUs });
        return decision.Classification switch
        {
            { Kind: ChangeKind.Set, Code: DndCodes.KeywordOptOut or DndCodes.PhraseOptOut } => OptOutCorpusCase.Clear,
            { Kind: ChangeKind.Review } => OptOutCorpusCase.Possible,
            _ => OptOutCorpusCase.None,
        };
    }
}
