using System.Security.Claims;
using Bunit;
using CollabHub.Web.Features.Discussions.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>
/// The draft editor as a page prerenders it, on the real app's services. A page can render it before its own loading
/// has finished: the reply page reads the thread and then the answered post, and when the first read completes without
/// yielding (its reply already in), the form is rendered once with no quote yet. That is the one way found for the
/// reply page's quote to go missing, as it did twice in CI.
/// </summary>
public sealed class DraftEditorTests(DiscussionsFixture fixture) : IClassFixture<DiscussionsFixture>
{
    [Fact]
    public async Task InitialValue_ArrivingAfterTheFirstRender_FillsTheText()
    {
        var group = await fixture.Data.GroupAsync();
        var ben = await fixture.Data.MemberAsync(group, "Ben Okafor");
        await using var page = new BunitContext();
        page.Services.AddFallbackServiceProvider(fixture.App.Services);
        page.AddAuthorization().SetAuthorized(ben.UserName!).SetClaims(new Claim(ClaimTypes.NameIdentifier, ben.Id));
        page.Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var editor = page.Render<DraftEditor>(p => p
            .Add(e => e.GroupSlug, group.Slug)
            .Add(e => e.Id, "reply-page-body")
            .Add(e => e.FieldName, "Input.Body"));
        Assert.Equal("", editor.Find("textarea#reply-page-body").GetAttribute("value") ?? "");

        const string Quote = "> **Amina Diallo** wrote (#1):\n> Default options work.\n\n";
        editor.Render(p => p.Add(e => e.InitialValue, Quote));

        Assert.Equal(Quote, editor.Find("textarea#reply-page-body").GetAttribute("value"));
    }
}
