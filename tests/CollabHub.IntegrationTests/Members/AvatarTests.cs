using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.TestSupport;
using SkiaSharp;

namespace CollabHub.IntegrationTests.Members;

public sealed class AvatarTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_JpegWithGpsExif_IsServedToMembersAsWebPWithoutExif()
    {
        using var member = await SignInNewMemberAsync();
        using var colleague = await SignInNewMemberAsync();
        var photo = TestImages.WithExif(TestImages.Solid(800, 600, SKColors.Teal, SKEncodedImageFormat.Jpeg), orientation: 1);

        var saved = await UploadAsync(member, new FileUpload("Avatar", "holiday.jpg", "image/jpeg", photo));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var src = await AvatarSrcAsync(colleague, member.Account.Id);
        Assert.NotNull(src);
        var response = await colleague.Client.GetAsync("/" + src, Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(TestImages.Contains(bytes, TestImages.ExifMarker));
        Assert.False(TestImages.Contains(bytes, "Exif"));
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
        Assert.Equal(new SKSizeI(256, 256), codec.Info.Size);
    }

    [Fact]
    public async Task Avatar_RequestWithCurrentETag_IsNotModified()
    {
        using var member = await SignInNewMemberAsync();
        await UploadAsync(member, new FileUpload("Avatar", "me.png", "image/png", TestImages.Solid(300, 300, SKColors.Gold, SKEncodedImageFormat.Png)));
        var src = await AvatarSrcAsync(member, member.Account.Id);
        var first = await member.Client.GetAsync("/" + src, Ct);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + src);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await member.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Upload_TextFileNamedPng_ShowsTheErrorAndChangesNothing()
    {
        using var member = await SignInNewMemberAsync();
        await UploadAsync(member, file: null, dutyStation: "Nairobi");

        var response = await UploadAsync(
            member,
            new FileUpload("Avatar", "portrait.png", "image/png", "I am not a picture, just text with a .png name."u8.ToArray()),
            dutyStation: "Addis Ababa");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("That file is not a PNG, JPEG or WebP image.", response.Html);
        var profile = await member.OpenAsync($"/members/{member.Account.Id}");
        Assert.Equal("Nairobi", profile.QuerySelector(".profile-duty-station")!.TextContent);
        Assert.NotNull(profile.QuerySelector(".profile-header .avatar-initials"));
        Assert.Null(profile.QuerySelector(".profile-header img.avatar"));
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/members/{member.Account.Id}/avatar", Ct)).StatusCode);
    }

    [Fact]
    public async Task Upload_HugePixelCountHeader_IsRefusedWithTheLimit()
    {
        using var member = await SignInNewMemberAsync();

        var response = await UploadAsync(member, new FileUpload("Avatar", "panorama.jpg", "image/jpeg", TestImages.JpegClaimingSize(9000, 9000)));

        Assert.Contains("That image has more than 40 megapixels.", response.Html);
        Assert.Null(await AvatarSrcAsync(member, member.Account.Id));
    }

    [Fact]
    public async Task RemoveAvatar_MemberWithPhoto_FallsBackToInitials()
    {
        using var member = await SignInNewMemberAsync("Rania Haddad");
        await UploadAsync(member, new FileUpload("Avatar", "me.webp", "image/webp", TestImages.Solid(300, 300, SKColors.Plum, SKEncodedImageFormat.Webp)));
        Assert.NotNull(await AvatarSrcAsync(member, member.Account.Id));
        var editor = await member.OpenAsync(ProfileForms.Path);
        Assert.NotNull(editor.QuerySelector("form#remove-avatar input[name='_handler'][value='remove-avatar']"));
        Assert.Equal("Remove photo", editor.QuerySelector("button[form='remove-avatar']")!.TextContent);

        var removed = await member.SubmitFormAsync(ProfileForms.Path, "remove-avatar");

        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Contains("Your photo has been removed.", (await member.OpenAsync(ProfileForms.Path)).Html);
        var profile = await member.OpenAsync($"/members/{member.Account.Id}");
        Assert.Equal("RH", profile.QuerySelector(".profile-header .avatar-initials")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/members/{member.Account.Id}/avatar", Ct)).StatusCode);
    }

    /// <summary>These tests look at what the app answers to each request, so their browsers show redirects.</summary>
    private Task<TestBrowser> SignInNewMemberAsync(string? displayName = null) =>
        TestAccounts.SignInNewMemberAsync(fixture.App, displayName, followRedirects: false);

    private static Task<HtmlPage> UploadAsync(TestBrowser member, FileUpload? file, string dutyStation = "") =>
        member.SubmitFormAsync(
            ProfileForms.Path,
            ProfileForms.FormName,
            ProfileForms.Fields(displayName: member.Account.DisplayName, dutyStation: dutyStation),
            file is null ? [] : [file]);

    /// <summary>The profile page's picture address, or null when it shows initials.</summary>
    private static async Task<string?> AvatarSrcAsync(TestBrowser viewer, string userId) =>
        (await viewer.OpenAsync($"/members/{userId}")).QuerySelector(".profile-header img.avatar")?.GetAttribute("src");
}
