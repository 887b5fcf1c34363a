namespace CollabHub.Web;

/// <summary>
/// The marker type for UI strings shared across features. Keys are the English text, so English needs no
/// resource file; translations arrive as SharedResource.{culture}.resx beside this file.
/// </summary>
public sealed class SharedResource;
