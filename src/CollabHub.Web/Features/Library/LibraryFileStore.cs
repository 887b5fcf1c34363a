using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Library;

/// <summary>
/// The files on disk. Uploads go to a temporary file first (hashed and size-checked as they stream, then recognised
/// by content); only an accepted upload is moved under a server-generated name, and a failed save deletes what it
/// moved, so nothing is left orphaned.
/// </summary>
public sealed class LibraryFileStore
{
    private readonly LibraryOptions options;

    public LibraryFileStore(IOptions<LibraryOptions> options, IConfiguration configuration, IWebHostEnvironment environment)
    {
        this.options = options.Value;
        Root = string.IsNullOrWhiteSpace(this.options.StorageRoot)
            ? Path.Combine(Infrastructure.AppPaths.DataRoot(environment.ContentRootPath, configuration["CollabHub:DataDirectory"]), "files")
            : Path.GetFullPath(this.options.StorageRoot);
    }

    public string Root { get; }

    private string TempFolder => Path.Combine(Root, "tmp");

    /// <summary>Streams the upload to a temporary file; refuses it (deleting the copy) when too big, empty or not what it claims.</summary>
    public async Task<PreparedUpload> PrepareAsync(Stream upload, string? fileName, CancellationToken cancellationToken)
    {
        var name = CleanName(fileName);
        Directory.CreateDirectory(TempFolder);
        var tempPath = Path.Combine(TempFolder, $"{Guid.NewGuid():N}.upload");
        try
        {
            string sha;
            long size = 0;
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > options.MaxFileSizeBytes)
                    {
                        throw new LibraryRuleException($"“{name}” is larger than the {options.MaxFileSizeText} limit.");
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                if (size == 0)
                {
                    throw new LibraryRuleException($"“{name}” is empty.");
                }

                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                var sniffed = FileSniffer.Detect(file, name);
                return new PreparedUpload(tempPath, name, sha, size, sniffed.Kind, sniffed.ContentType);
            }
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }

    /// <summary>A new server-generated storage name: two hex characters of fan-out, then a random id.</summary>
    public static string NewStorageName(string sha256) => $"{sha256[..2]}/{Guid.NewGuid():N}";

    /// <summary>Moves a prepared upload to its storage name; returns the final path (for cleanup if the save fails).</summary>
    public string Keep(PreparedUpload upload, string storageName)
    {
        var target = PathOf(storageName);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(upload.TempPath, target);
        return target;
    }

    public static void Discard(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a temporary file left behind is harmless and named so it is never served.
        }
    }

    public string PathOf(string storageName)
    {
        var path = Path.GetFullPath(Path.Combine(Root, storageName));
        return path.StartsWith(Root, StringComparison.Ordinal) ? path : throw new InvalidOperationException("Storage names stay under the root.");
    }

    /// <summary>The name shown and offered on download: the browser's name without folders or control characters.</summary>
    public static string CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '/'))]).Trim();
        if (name.Length > ResourceFile.FileNameMaxLength)
        {
            var extension = Path.GetExtension(name);
            name = name[..(ResourceFile.FileNameMaxLength - extension.Length)] + extension;
        }

        return name.Length == 0 ? "file" : name;
    }
}
