using Microsoft.AspNetCore.Components.Forms;

namespace CollabHub.Web.Features.Groups;

/// <summary>What the create and settings pages do alike with a posted group form: read the cover, show the errors.</summary>
internal static class GroupFormPost
{
    /// <summary>The uploaded cover, when a file was chosen.</summary>
    public static IFormFile? Cover(HttpContext http) =>
        http.Request.HasFormContentType && http.Request.Form.Files.GetFile(GroupSaveResult.CoverField) is { Length: > 0 } file ? file : null;

    /// <summary>Saves with the cover's stream open, if there is one.</summary>
    public static async Task<GroupSaveResult> SaveAsync(HttpContext http, Func<Stream?, Task<GroupSaveResult>> save)
    {
        if (Cover(http) is not { } upload)
        {
            return await save(null);
        }

        await using var stream = upload.OpenReadStream();
        return await save(stream);
    }

    public static void ShowErrors(EditContext editContext, ValidationMessageStore messages, GroupForm form, GroupSaveResult result)
    {
        messages.Clear();
        foreach (var (field, message) in result.Errors)
        {
            messages.Add(new FieldIdentifier(form, field), message);
        }

        editContext.NotifyValidationStateChanged();
    }
}
