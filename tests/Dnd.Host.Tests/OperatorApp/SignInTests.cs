using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>Staff sign in with their e-mail and password; nobody else sees a screen.</summary>
[Collection(ScreenCollection.Name)]
public class SignInTests
{
    [Fact]
    public async Task A_person_signs_in_lands_on_the_app_in_their_account_and_signs_out()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var page = await app.Browser.NewPageAsync(new() { BaseURL = app.App.RealAddress.ToString() });

        await page.GotoAsync("/app/contacts");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/sign-in"));
        await page.GetByLabel("E-mail").FillAsync(app.Email);
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match");

        var signedIn = await app.SignInAsync("/app/contacts");
        await Assertions.Expect(signedIn.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        await Assertions.Expect(signedIn.GetByText(app.Account.Id)).ToBeVisibleAsync();
        await signedIn.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(signedIn).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/sign-in"));
        await signedIn.GotoAsync("/app/contacts");
        await Assertions.Expect(signedIn).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/sign-in"));
    }

    [Fact]
    public async Task A_sign_in_post_without_its_antiforgery_token_is_a_400_problem()
    {
        await using var app = new DndApp();
        var response = await app.CreateClient().PostAsync("/app/account/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "x@example.com", ["password"] = "whatever-password" }));

        (await Http.ProblemAsync(response, 400)).GetProperty("detail").GetString().Should().Contain("antiforgery");
    }
}
