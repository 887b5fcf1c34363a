namespace CollabHub.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/CollabHub.Benchmarks -- [scenario|all] [--quick]</c>. Named so that it does
/// not clash with the web app's <c>Program</c> where both assemblies are referenced (the tests run the tool).
/// </summary>
internal static class BenchmarkProgram
{
    public static Task<int> Main(string[] args) => BenchmarkTool.RunAsync(args, Console.Out, CancellationToken.None);
}
