using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The contact record's erasure in Chromium: confirmed in a dialog that says what goes and what stays.</summary>
[Collection(ScreenCollection.Name)]
public class EraseContactScreenTests
{
    [Fact]
    public async Task Staff_erase_a_contacts_personal_data_after_confirming_and_the_opt_out_stays()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var phone = "+1555" + Random.Shared.Next(1_000_000, 9_999_999);
        var id = (await app.Account.CreateContactAsync(new { firstName = "Ada", lastName = "Erasable", phone })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await Twilio.InboundAsync(app.App, app.Account, phone, "STOP"), 200);

        var page = await app.SignInAsync($"/app/contacts/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase personal data" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Erase personal data" });
        await Assertions.Expect(dialog).ToContainTextAsync("Ada Erasable's personal data is removed for good");
        await Assertions.Expect(dialog).ToContainTextAsync("every opt-out as a salted hash");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        (await app.Account.GetContactAsync(id)).GetProperty("lastName").GetString().Should().Be("Erasable", "a cancelled erasure changes nothing");

        await page.GetByRole(AriaRole.Button, new() { Name = "Erase personal data" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Erase personal data" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Personal data erased; opt-outs kept")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/contacts$"));

        await Http.ProblemAsync(await app.Account.Client.GetAsync($"/contacts/{id}"), 404);
        var erasure = (await app.Account.LedgerAsync(id)).EnumerateArray().Last();
        erasure.GetProperty("rule").GetString().Should().Be("ErasureRequest");
        erasure.GetProperty("actedBy").GetString().Should().StartWith("user '", "the ledger names the person who erased");
        (await app.Account.DndStatusAsync((await app.Account.CreateContactAsync(new { phone })).GetProperty("id").GetString()!, "SMS")).Should().Be("permanent");
    }
}
