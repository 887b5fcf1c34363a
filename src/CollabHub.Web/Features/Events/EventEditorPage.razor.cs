using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CollabHub.Web.Features.Events;

/// <summary>Creating (as a draft) and editing events, static SSR; the service decides who may.</summary>
public partial class EventEditorPage
{
    private EditContext? editContext;
    private ValidationMessageStore? messages;
    private string? refusal;
    private IReadOnlyList<(string Slug, string Name)> groups = [];

    [Parameter]
    public string? Slug { get; set; }

    [SupplyParameterFromQuery(Name = "series")]
    public string? SeriesSlug { get; set; }

    [SupplyParameterFromQuery(Name = "group")]
    public string? GroupSlug { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "event")]
    private EventForm Input { get; set; } = default!;

    private bool IsNew => Slug is null;

    private EventViewer Viewer => EventViewer.From(HttpContext.User);

    private string Heading => IsNew ? L["Create an event"] : L["Edit the event"];

    protected override async Task OnInitializedAsync()
    {
        var posted = HttpMethods.IsPost(HttpContext.Request.Method);
        if (IsNew)
        {
            refusal = await Events.GetCreationRefusalAsync(Viewer);
            groups = await Events.GroupsToOrganiseAsync(Viewer);
            Input ??= new EventForm { SeriesSlug = SeriesSlug, GroupSlug = GroupSlug, TimeZoneId = (await Events.ViewerZoneIdAsync(Viewer)) };
        }
        else if (!posted)
        {
            var view = await Events.GetPageAsync(Viewer, Slug!);
            if (view is null || !view.CanOrganise)
            {
                Navigation.NotFound();
                return;
            }

            Input = EventForm.From(view.Event);
        }

        editContext = new EditContext(Input);
        messages = new ValidationMessageStore(editContext);
    }

    private async Task SaveAsync()
    {
        if (editContext is null || messages is null)
        {
            return;
        }

        messages.Clear();
        if (IsNew)
        {
            var (slug, errors) = await Events.CreateAsync(Viewer, Input);
            if (slug is not null)
            {
                RedirectManager.RedirectToWithStatus(EventLinks.Page(slug), "Saved as a draft. Publish it when it is ready.", HttpContext);
                return;
            }

            ShowErrors(errors);
            return;
        }

        var moveLatest = string.Equals(HttpContext.Request.Form["moveLatest"], "true", StringComparison.Ordinal);
        if (Input.Validate(out var fieldErrors) is null)
        {
            ShowErrors(fieldErrors);
            return;
        }

        var outcome = await Events.UpdateAsync(Viewer, Slug!, Input, moveLatest);
        switch (outcome.Kind)
        {
            case EventOutcomeKind.NotFound:
                Navigation.NotFound();
                return;
            case EventOutcomeKind.Done:
                RedirectManager.RedirectToWithStatus(EventLinks.Page(Slug!), outcome.Message, HttpContext);
                return;
            case EventOutcomeKind.Refused:
                ShowErrors(new Dictionary<string, string> { [""] = outcome.Message });
                return;
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            messages!.Add(field.Length == 0 ? new FieldIdentifier(Input, "") : editContext!.Field(field), message);
        }

        HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        editContext!.NotifyValidationStateChanged();
    }
}
