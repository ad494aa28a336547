using Bunit;
using Dnd.Crm.Persistence;
using Dnd.Crm.Reviews;
using Dnd.Host.Api.Reviews;
using Dnd.Host.OperatorApp.Reviews;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The review screen's parts on their own: the dismiss dialog's note, the deadline's Overdue badge.</summary>
public class ReviewComponentTests : ComponentTest
{
    [Fact]
    public async Task The_dismiss_dialog_refuses_an_empty_note_and_stays_open_then_hands_back_the_note()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await dialogs.ShowAsync<ReviewNoteDialog>("Dismiss", new DialogParameters<ReviewNoteDialog>
        {
            { d => d.Dismiss, true }, { d => d.Channel, "SMS" }, { d => d.Message, "Not interested, thanks" },
        }));

        provider.FindAll("button").Single(b => b.TextContent.Trim() == "Dismiss").Click();

        provider.Markup.Should().Contain("A note is required: say why this message is not an opt-out.");
        provider.Markup.Should().Contain("Not interested, thanks", "the dialog stays open");
        dialog!.Result.IsCompleted.Should().BeFalse();

        provider.Find("textarea").Input("They asked about the price, not to stop");
        provider.FindAll("button").Single(b => b.TextContent.Trim() == "Dismiss").Click();

        var result = await dialog.Result;
        result!.Canceled.Should().BeFalse();
        result.Data.Should().Be("They asked about the price, not to stop");
    }

    [Theory]
    [InlineData(-20, true)]
    [InlineData(0, false)]
    public void The_overdue_badge_shows_only_for_an_open_review_past_its_deadline(int receivedDaysAgo, bool overdue)
    {
        var now = new DateTimeOffset(2025, 6, 4, 12, 0, 0, TimeSpan.Zero);
        var received = now.AddDays(receivedDaysAgo);
        var record = new OptOutReviewRecord
        {
            Id = "r1", AccountId = "a1", ContactId = "c1", Channel = "SMS", Body = "Not interested", ReceivedAt = received,
            Deadline = BusinessDays.Deadline(received, TimeZoneInfo.Utc),
        };

        var cell = Render<DeadlineCell>(p => p.Add(c => c.Review, OptOutReviewDto.From(record, "Ana Ruiz", now, TimeZoneInfo.Utc)));

        cell.FindAll(".mud-chip").Any(e => e.TextContent.Contains("Overdue")).Should().Be(overdue);
        cell.Markup.Should().Contain(overdue ? "business days late" : "business days left");
    }

    [Fact]
    public void A_handled_review_past_its_deadline_is_not_overdue()
    {
        var now = new DateTimeOffset(2025, 6, 4, 12, 0, 0, TimeSpan.Zero);
        var record = new OptOutReviewRecord
        {
            Id = "r1", AccountId = "a1", ContactId = "c1", Channel = "SMS", ReceivedAt = now.AddDays(-30),
            Deadline = BusinessDays.Deadline(now.AddDays(-30), TimeZoneInfo.Utc), Status = OptOutReviewStatus.Confirmed,
        };

        var cell = Render<DeadlineCell>(p => p.Add(c => c.Review, OptOutReviewDto.From(record, null, now, TimeZoneInfo.Utc)));

        cell.Markup.Should().NotContain("Overdue");
    }
}
