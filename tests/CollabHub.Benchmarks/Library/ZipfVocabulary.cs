namespace CollabHub.Benchmarks.Library;

/// <summary>
/// Words with a Zipf distribution, as in real text: a few very common ones ("development", "policy") and a long tail.
/// The head is real policy vocabulary; the tail is made of syllables, so every word is a plausible token the stemmer
/// treats like any other. Deterministic for a seed, so runs compare.
/// </summary>
public sealed class ZipfVocabulary
{
    private static readonly string[] Head =
    [
        "development", "policy", "sustainable", "countries", "data", "climate", "health", "financing", "human", "rights",
        "behavioural", "science", "women", "children", "digital", "cooperation", "debt", "liquidity", "evidence", "public",
        "social", "protection", "education", "water", "energy", "food", "security", "peace", "migration", "refugees",
        "gender", "equality", "poverty", "urban", "resilience", "disaster", "risk", "innovation", "governance", "trade",
    ];

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ne", "ra", "su", "ti", "vo", "ze", "ba", "do", "fi", "gu", "he", "ja", "ku", "le", "mo", "nu", "pi"];

    private readonly string[] words;
    private readonly double[] cumulative;
    private readonly Random random;

    public ZipfVocabulary(int size, int seed)
    {
        random = new Random(seed);
        words = new string[size];
        for (var i = 0; i < size; i++)
        {
            words[i] = i < Head.Length ? Head[i] : Invent(i);
        }

        // P(rank k) ∝ 1 / k^1.07, about what English text shows.
        cumulative = new double[size];
        var total = 0.0;
        for (var k = 0; k < size; k++)
        {
            total += 1 / Math.Pow(k + 1, 1.07);
            cumulative[k] = total;
        }

        for (var k = 0; k < size; k++)
        {
            cumulative[k] /= total;
        }
    }

    public string Next()
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return words[index < 0 ? ~index : index];
    }

    public string Text(int minWords, int maxWords) =>
        string.Join(' ', Enumerable.Range(0, random.Next(minWords, maxWords + 1)).Select(_ => Next()));

    /// <summary>A rank among the first <paramref name="top"/> words, uniformly: for queries of "very common" terms.</summary>
    public string Common(int top) => words[random.Next(Math.Min(top, words.Length))];

    public int Roll(int max) => random.Next(max);

    private static string Invent(int n)
    {
        var parts = new List<string>();
        for (var v = n; parts.Count < 3 || v > 0; v /= Syllables.Length)
        {
            parts.Add(Syllables[v % Syllables.Length]);
        }

        return string.Concat(parts);
    }
}
