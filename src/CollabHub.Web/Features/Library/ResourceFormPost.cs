using System.Globalization;

namespace CollabHub.Web.Features.Library;

/// <summary>Reads the form's multi-valued fields (checkbox groups), which post under plain names.</summary>
internal static class ResourceFormPost
{
    public static void ReadChoices(HttpContext http, ResourceForm form)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType)
        {
            return;
        }

        form.Languages = [.. http.Request.Form["Languages"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];
        form.Sdgs = [.. http.Request.Form["Sdgs"].Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var goal) ? goal : 0)];
    }
}
