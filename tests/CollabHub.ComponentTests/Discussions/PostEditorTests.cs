using Bunit;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Discussions.Components;
using CollabHub.Web.Features.Discussions.Mentions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Discussions;

public sealed class PostEditorTests : BunitContext
{
    public PostEditorTests()
    {
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void OnlyThePrerenderedEditor_AsksThePageToKeepWhatIsTypedIntoIt()
    {
        // The page's keep-typed script hands such an editor's text to the live copy that replaces it.
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var prerendered = Render<PostEditor>(p => p.Add(e => e.Id, "body"));
        Assert.True(prerendered.Find("textarea#body").HasAttribute("data-keep-typed"));

        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var live = Render<PostEditor>(p => p.Add(e => e.Id, "live"));
        Assert.False(live.Find("textarea#live").HasAttribute("data-keep-typed"));
    }

    [Fact]
    public void Editor_IsATextareaNamedForItsForm_WithTheLimitStated()
    {
        var editor = Render<PostEditor>(p => p.Add(e => e.Id, "body").Add(e => e.FieldName, "Input.Body").Add(e => e.Value, "Hello"));

        var text = editor.Find("textarea#body");
        Assert.Equal("Input.Body", text.GetAttribute("name"));
        Assert.Equal("body-count body-hint", text.GetAttribute("aria-describedby"));
        Assert.Equal("5 of at most 10,000 characters", editor.Find("#body-count").TextContent.Trim());
        Assert.NotNull(editor.Find("details#body-hint"));
        Assert.Empty(editor.FindAll(".post-editor__modes")); // no preview without a service behind it
    }

    [Fact]
    public void Typing_PastTheLimit_MarksTheCountAndTheField()
    {
        var editor = Render<PostEditor>(p => p.Add(e => e.Id, "body"));

        editor.Find("textarea").Input(new string('x', DiscussionRules.BodyMaxLength + 1));

        Assert.Equal("true", editor.Find("textarea").GetAttribute("aria-invalid"));
        Assert.Contains("post-editor__count--over", editor.Find("#body-count").ClassName);
    }

    [Fact]
    public void TypingAnAt_SuggestsMembers_AndPickingOneInsertsTheMention()
    {
        var asked = new List<string>();
        string? bound = null;
        var amina = new MentionSuggestion(new MentionedMember("u-1", "Amina Diallo"), "@**Amina Diallo**");
        var editor = Render<PostEditor>(p => p
            .Add(e => e.Id, "body")
            .Add(e => e.ValueChanged, v => bound = v)
            .Add(e => e.Suggest, prefix =>
            {
                asked.Add(prefix);
                return Task.FromResult<IReadOnlyList<MentionSuggestion>>([amina]);
            }));

        editor.Find("textarea").Input("Thanks @Am");
        editor.Find(".post-editor__mentions button").Click();

        Assert.Equal(["Am"], asked);
        Assert.Equal("Thanks @**Amina Diallo** ", bound);
        Assert.Equal("Thanks @**Amina Diallo** ", editor.Find("textarea").GetAttribute("value"));
        Assert.Empty(editor.FindAll(".post-editor__mentions"));
    }

    [Fact]
    public void Preview_ShowsTheRenderedDraft_AndWhatWouldStopIt_KeepingTheFieldForTheForm()
    {
        var editor = Render<PostEditor>(p => p
            .Add(e => e.Id, "body")
            .Add(e => e.Value, "**bold** @**Nobody**")
            .Add(e => e.Preview, body => Task.FromResult(new MarkupPreview("<p><strong>bold</strong> @Nobody</p>", ["@Nobody is not a member of this group, so they can't be mentioned here."]))));

        editor.FindAll(".post-editor__modes button").Single(b => b.TextContent == "Preview").Click();

        Assert.Equal("bold", editor.Find(".post-editor__preview strong").TextContent);
        Assert.Contains("is not a member of this group", editor.Find(".post-editor__problems").TextContent);
        Assert.True(editor.Find("textarea").HasAttribute("hidden"));

        editor.FindAll(".post-editor__modes button").Single(b => b.TextContent == "Write").Click();
        Assert.False(editor.Find("textarea").HasAttribute("hidden"));
        Assert.Empty(editor.FindAll(".post-editor__preview"));
    }
}
