namespace CollabHub.Web.Features.Admin;

/// <summary>Thrown inside an administrative action to refuse it; the message is shown to the administrator and the transaction rolls back.</summary>
internal sealed class AdminRefusedException(string message) : Exception(message);
