using CollabHub.Web.Infrastructure;

namespace CollabHub.UnitTests.Foundation;

public sealed class AppPathsTests : IDisposable
{
    private readonly string checkout = Directory.CreateTempSubdirectory("collabhub-checkout-").FullName;

    [Fact]
    public void DataRoot_InsideCheckout_IsBesideTheSolution()
    {
        File.WriteAllText(Path.Combine(checkout, "CollabHub.sln"), "");
        var project = Directory.CreateDirectory(Path.Combine(checkout, "src", "CollabHub.Web")).FullName;

        Assert.Equal(Path.Combine(checkout, ".data"), AppPaths.DataRoot(project, configured: null));
    }

    [Fact]
    public void DataRoot_Configured_Wins()
    {
        var configured = Path.Combine(checkout, "elsewhere");

        Assert.Equal(configured, AppPaths.DataRoot(checkout, configured));
    }

    public void Dispose() => Directory.Delete(checkout, recursive: true);
}
