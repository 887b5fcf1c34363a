using System.Globalization;
using System.Security.Claims;
using Bunit;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Members;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>
/// A bUnit context for the whole chat panel on the real chat service, live events and database of the test app, and
/// how its tests open a panel.
/// </summary>
public abstract class ChatPanelContext : BunitContext
{
    protected ChatPanelContext(ChatAppFixture fixture)
    {
        App = fixture.App;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
        ChatPanelHarness.AddChatServices(Services, fixture.App);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected CollabHubApp App { get; }

    /// <summary>A new room, Amina's panel on it, her read positions stored at most every <paramref name="readWriteInterval"/>.</summary>
    protected async Task<(ChatPanelHarness Room, IRenderedComponent<ChatPanel> Panel)> AminasPanelAsync(TimeSpan readWriteInterval)
    {
        Services.Configure<ChatOptions>(o => o.ReadWriteInterval = readWriteInterval);
        var room = await ChatPanelHarness.RoomAsync(App);
        return (room, await RenderPanelAsync(room, room.Amina));
    }

    protected async Task<IRenderedComponent<ChatPanel>> RenderPanelAsync(ChatPanelHarness room, ApplicationUser viewer, string? timeZone = null)
    {
        var panel = RenderLoadingPanel(room, viewer, timeZone);
        // Started when it scrolled to the end: the last step, after loading, subscribing and catching up. The calls are
        // read on the renderer's dispatcher, where the panel records them: read from this thread, the list was once
        // enumerated while the panel added to it ("collection was modified").
        await Eventually.WaitAsync(
            () => panel.InvokeAsync(() => JSInterop.Invocations.Any(i => i.Identifier == "collabHubChat.scrollToEnd")), "the panel starts", ChatTestClient.Timeout);
        // The scroll is seen from this thread while the renderer may still be finishing the step it belongs to; a turn on
        // the renderer's dispatcher waits for it, so the markup read next is the one the panel started with (reading it
        // mid-render once found no messages at all in CI).
        await panel.InvokeAsync(() => { });
        return panel;
    }

    /// <summary>The panel as its first render leaves it, loading or not.</summary>
    protected IRenderedComponent<ChatPanel> RenderLoadingPanel(ChatPanelHarness room, ApplicationUser viewer, string? timeZone = null)
    {
        AddAuthorization().SetAuthorized(viewer.DisplayName).SetClaims(new Claim(ClaimTypes.NameIdentifier, viewer.Id));
        return Render<ChatPanel>(p => p.Add(x => x.ChannelId, room.ChannelId).Add(x => x.TimeZoneId, timeZone));
    }
}
