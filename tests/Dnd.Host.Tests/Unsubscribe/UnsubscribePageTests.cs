using System.Net.Http.Json;
using Dnd.Host.Tests.Api;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.Unsubscribe;

/// <summary>
/// The pages a contact opens from a text or an email, in Chromium on a phone-sized screen: they name the business,
/// fit the screen, work from the keyboard, and a bad link is a page that says what to do, with a 400 status, never JSON.
/// </summary>
public class UnsubscribePageTests : ContactPageTest
{
    [Fact]
    public async Task A_text_link_names_the_business_fits_a_phone_and_stops_sms_from_the_keyboard()
    {
        var (id, path) = await SmsUnsubscribeLinkTests.TextedContactAsync(Account, "+15550920001");
        var page = await PhoneAsync();

        var response = await page.GotoAsync(new Uri(App.RealAddress, path).ToString());

        response!.Status.Should().Be(200);
        await Assertions.Expect(page.GetByText("Kim's Bakery", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stop messages" })).ToBeVisibleAsync();
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("nothing scrolls sideways on a phone");
        var stopSms = page.GetByRole(AriaRole.Button, new() { Name = "Stop SMS" });
        (await stopSms.BoundingBoxAsync())!.Width.Should().BeGreaterThan(Phone.Width * 0.8f, "the choices are large enough to tap");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(stopSms).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Unsubscribed" })).ToBeVisibleAsync();
        (await Account.DndStatusAsync(id, "SMS")).Should().Be("permanent", "the link is the contact's own opt-out");
    }

    [Theory]
    [InlineData("/u/not-a-real-link", "Reply STOP")]
    [InlineData("/unsubscribe/not.a-real-link", "Reply to the email")]
    public async Task A_bad_link_opened_in_aBrowser_is_a_page_with_a_400_that_says_what_to_do(string path, string advice)
    {
        var page = await PhoneAsync();

        var response = await page.GotoAsync(new Uri(App.RealAddress, path).ToString());

        response!.Status.Should().Be(400);
        (await response.HeaderValueAsync("content-type")).Should().StartWith("text/html");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invalid unsubscribe link" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(advice)).ToBeVisibleAsync();
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("en");
        (await page.ContentAsync()).Should().NotContain("\"status\"", "the contact never sees the problem's JSON");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("application/problem+json, text/html;q=0.5")]
    public async Task Any_other_client_still_gets_the_problem(string? accept)
    {
        using var client = new HttpClient { BaseAddress = App.RealAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/u/not-a-real-link") { Content = new FormUrlEncodedContent([]) };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        await Http.ProblemAsync(await client.SendAsync(request), 400);
    }
}
