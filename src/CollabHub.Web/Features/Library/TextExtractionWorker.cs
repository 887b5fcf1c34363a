using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Library;

/// <summary>
/// Extracts the text of stored files in the background and re-indexes the resources that use them. Files are
/// claimed with <c>FOR UPDATE SKIP LOCKED</c> under a lease, so several instances share the work without doing a
/// file twice, and a crashed instance's claims lapse. A file that cannot be read is marked failed (it stays
/// downloadable) instead of being retried forever.
/// </summary>
public sealed class TextExtractionWorker(
    IDbContextFactory<AppDbContext> contexts,
    LibraryFileStore files,
    ExtractionSignal signal,
    IOptions<LibraryOptions> options,
    TimeProvider clock,
    ILogger<TextExtractionWorker> logger) : BackgroundService
{
    private const int BatchSize = 5;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ExtractionEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Library text extraction failed; it tries again at the next poll.");
            }

            try
            {
                await signal.WaitAsync(options.Value.ExtractionPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and extracts one batch; returns how many files it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = now + Lease;
        List<StoredFile> claimed;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            claimed = await db.LibraryStoredFiles.FromSql($"""
                UPDATE library_stored_files AS f
                SET claimed_until = {leaseUntil}
                WHERE f.id IN (
                    SELECT id FROM library_stored_files
                    WHERE extraction = 'Pending' AND (claimed_until IS NULL OR claimed_until <= {now})
                    ORDER BY created_at
                    LIMIT {BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING f.*
                """).AsNoTracking().ToListAsync(cancellationToken);
        }

        foreach (var file in claimed)
        {
            await ExtractAsync(file, cancellationToken);
        }

        return claimed.Count;
    }

    private async Task ExtractAsync(StoredFile file, CancellationToken cancellationToken)
    {
        string? text = null;
        var status = ExtractionStatus.Done;
        try
        {
            var path = files.PathOf(file.StorageName);
            text = await Task.Run(() => TextExtractor.Extract(path, file.Kind, StoredFile.ExtractedTextMaxLength), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not extract the text of stored file {FileId} ({Kind}).", file.Id, file.Kind);
            status = ExtractionStatus.Failed;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LibraryStoredFiles.Where(f => f.Id == file.Id).ExecuteUpdateAsync(
            s => s.SetProperty(f => f.Extraction, status).SetProperty(f => f.ExtractedText, text).SetProperty(f => f.ClaimedUntil, (DateTimeOffset?)null),
            cancellationToken);
        var resourceIds = await db.LibraryResourceFiles.Where(f => f.StoredFileId == file.Id).Select(f => f.ResourceId).ToArrayAsync(cancellationToken);
        if (resourceIds.Length > 0)
        {
            await LibraryService.RefreshSearchAsync(db, resourceIds, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
