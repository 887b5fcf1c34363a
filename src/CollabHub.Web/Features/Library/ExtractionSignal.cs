namespace CollabHub.Web.Features.Library;

/// <summary>Wakes the text extractor as soon as a file is stored, instead of at its next poll.</summary>
public sealed class ExtractionSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Raise()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already raised by another thread between the check and the release: one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
