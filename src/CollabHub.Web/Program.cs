using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Appeals;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Events;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Home;
using CollabHub.Web.Features.Library;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Members.Profiles;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Benchmarks;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using CollabHub.Web.Infrastructure.Health;
using CollabHub.Web.Infrastructure.Live;
using CollabHub.Web.Infrastructure.Markdown;
using CollabHub.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddWebPlatform();
builder.Services.AddData(builder.Configuration);
builder.Services.AddMarkdown();
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddLiveEvents();
builder.Services.AddMembers();
builder.Services.AddMemberProfiles();
builder.Services.AddGroups();
builder.Services.AddDiscussions();
builder.Services.AddAdmin();
builder.Services.AddChat(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddHome();
builder.Services.AddLibrary();
builder.Services.AddEvents();
builder.Services.AddAppeals(builder.Configuration);

await using var app = builder.Build();

var startup = await app.RunStartupCommandAsync(args);
if (startup is { } exitCode)
{
    return exitCode;
}

app.UseWebPlatform();
app.UseMembers();
app.MapHealth();
app.MapMembers();
app.MapMemberProfiles();
app.MapGroups();
app.MapAdmin();
app.MapChat();
app.MapAppeals();
app.MapBenchmarkProbes();
app.MapLibrary();
app.MapEmail();
app.MapNotifications();
app.MapEvents();
app.MapPages();

await app.RunAsync();
return 0;

/// <summary>The entry point's type, public so the tests' WebApplicationFactory can reach it.</summary>
public partial class Program;
