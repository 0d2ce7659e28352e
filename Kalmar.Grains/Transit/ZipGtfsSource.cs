using System.IO.Compression;

namespace Kalmar.Grains.Transit;

internal sealed class ZipGtfsSource : IGtfsSource
{
    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public ZipGtfsSource(string path)
    {
        try
        {
            _archive = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            throw new GtfsFormatException(Path.GetFileName(path), null, "filen är varken en mapp eller en giltig zip-fil.");
        }

        // Feeds zipped with their folder put the files one level down; take the shallowest of each name.
        foreach (var entry in _archive.Entries.Where(e => e.Name.Length > 0).OrderBy(e => e.FullName.Count(c => c == '/')))
        {
            _entries.TryAdd(entry.Name, entry);
        }
    }

    public bool Has(string fileName) => _entries.ContainsKey(fileName);

    public Stream Open(string fileName) => _entries[fileName].Open();

    public void Dispose() => _archive.Dispose();
}
