namespace CollabHub.Web.Infrastructure.Data.LocalPostgres;

/// <summary>The private PostgreSQL cluster could not be provisioned; the message says why in one sentence.</summary>
public sealed class LocalPostgresException(string message, Exception? inner = null) : Exception(message, inner);
