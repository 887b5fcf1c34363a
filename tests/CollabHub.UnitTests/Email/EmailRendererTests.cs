using CollabHub.Web.Infrastructure.Email;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.Extensions.Configuration;

namespace CollabHub.UnitTests.Email;

public sealed class EmailRendererTests
{
    private static readonly EmailRenderer Renderer = new(new PublicUrls(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://hub.example.org" })
        .Build()));

    [Fact]
    public void Render_RelativeActionLink_IsRefused()
    {
        var content = new EmailContent("Subject", "Heading", ["Text"], new EmailAction("Open", new Uri("/groups", UriKind.Relative)));

        var error = Assert.Throws<ArgumentException>(() => Renderer.Render(content));

        Assert.Contains("absolute", error.Message);
    }

    [Fact]
    public void Render_JavascriptActionLink_IsRefused()
    {
        var content = new EmailContent("Subject", "Heading", ["Text"], new EmailAction("Open", new Uri("javascript:alert(1)")));

        Assert.Throws<ArgumentException>(() => Renderer.Render(content));
    }

    [Fact]
    public void Render_Links_AreAListOfLinkedWords_AndInTextEachWordsThenItsAddress()
    {
        var rendered = Renderer.Render(new EmailContent("Digest", "Digest", ["Here is what happened:"], Links:
        [
            new EmailAction("Amina <replied> in Budget", new Uri("https://hub.example.org/groups/budget/discussions/1?post=2#post-2")),
            new EmailAction("A new thread", new Uri("https://hub.example.org/groups/budget/discussions/3")),
        ]));

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.Html);
        var links = html.QuerySelectorAll("ul li a").ToList();
        Assert.Equal(["Amina <replied> in Budget", "A new thread"], links.Select(a => a.TextContent));
        Assert.Equal("https://hub.example.org/groups/budget/discussions/1?post=2#post-2", links[0].GetAttribute("href"));
        Assert.Contains("• Amina <replied> in Budget\nhttps://hub.example.org/groups/budget/discussions/1?post=2#post-2\n\n• A new thread\n", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RelativeLink_IsRefused()
    {
        var content = new EmailContent("Subject", "Heading", ["Text"], Links: [new EmailAction("Open", new Uri("/groups", UriKind.Relative))]);

        Assert.Throws<ArgumentException>(() => Renderer.Render(content));
    }

    [Fact]
    public void Render_TheHubsOwnAddressesInText_AreLinks_OthersStayText()
    {
        var rendered = Renderer.Render(new EmailContent("Subject", "Heading",
            ["See https://elsewhere.example/x and https://hub.example.org.evil.example/y."],
            Footnote: "Choose what you get: https://hub.example.org/notifications/settings?a=1&b=2."));

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.Html);
        var hrefs = html.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://hub.example.org/notifications/settings?a=1&b=2", hrefs);
        Assert.DoesNotContain(hrefs, h => h!.Contains("elsewhere", StringComparison.Ordinal) || h.StartsWith("https://hub.example.org.", StringComparison.Ordinal));
        Assert.Equal(2, hrefs.Count(h => h!.StartsWith("https://hub.example.org", StringComparison.Ordinal))); // the settings and the footer's home link
        Assert.Contains("https://elsewhere.example/x", html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UserText_IsEncodedInHtmlAndVerbatimInText()
    {
        var rendered = Renderer.Render(new EmailContent("Hi <b>", "<img src=x onerror=alert(1)>", ["Tom & \"Jerry\"\nsecond line"], Footnote: "<i>note</i>"));

        Assert.DoesNotContain("<img", rendered.Html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", rendered.Html);
        Assert.Contains("Tom &amp; &quot;Jerry&quot;<br>\nsecond line", rendered.Html);
        Assert.Contains("&lt;i&gt;note&lt;/i&gt;", rendered.Html);
        Assert.Contains("<title>Hi &lt;b&gt;</title>", rendered.Html);
        Assert.Contains("Tom & \"Jerry\"\nsecond line", rendered.Text);
        Assert.StartsWith("<img src=x onerror=alert(1)>\n\n", rendered.Text);
    }

    [Fact]
    public void Render_Action_IsAButtonWithTheRawLinkBelow_AndItsOwnLineInText()
    {
        var url = new Uri("https://hub.example.org/Account/ConfirmEmail?userId=1&code=a+b");

        var rendered = Renderer.Render(new EmailContent("Confirm", "Confirm", ["Please confirm."], new EmailAction("Confirm my address", url)));

        Assert.Equal(2, CountOf(rendered.Html, "href=\"https://hub.example.org/Account/ConfirmEmail?userId=1&amp;code=a+b\""));
        Assert.Contains(">Confirm my address</a>", rendered.Html);
        Assert.Contains("If the button does not work, copy this link into your browser", rendered.Html);
        Assert.Contains("\nConfirm my address:\nhttps://hub.example.org/Account/ConfirmEmail?userId=1&code=a+b\n", rendered.Text);
    }

    [Fact]
    public void Render_EveryMail_SaysWhyTheReaderGotIt_InBothParts()
    {
        var rendered = Renderer.Render(new EmailContent("S", "H", ["P"]));

        Assert.Contains("You received this e-mail because this address is registered on CollabHub (hub.example.org)", rendered.Html);
        Assert.Contains("-- \nYou received this e-mail because", rendered.Text);
        Assert.Contains("https://hub.example.org/", rendered.Text);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", rendered.Html);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", rendered.Html);
        Assert.Contains("max-width:600px;width:100%", rendered.Html);
    }

    [Fact]
    public void Render_SubjectWithLineBreaks_BecomesOneLine()
    {
        var rendered = Renderer.Render(new EmailContent("Hello\r\nBcc: victim@example.org", "H", []));

        Assert.Equal("Hello Bcc: victim@example.org", rendered.Subject);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
