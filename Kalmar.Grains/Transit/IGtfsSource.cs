namespace Kalmar.Grains.Transit;

/// <summary>The files of a GTFS feed, from a folder or from a .zip.</summary>
internal interface IGtfsSource : IDisposable
{
    static IGtfsSource At(string path)
    {
        if (Directory.Exists(path))
        {
            return new FolderGtfsSource(path);
        }

        if (File.Exists(path))
        {
            return new ZipGtfsSource(path);
        }

        throw new GtfsFormatException(path, null, "hittar ingen GTFS-mapp eller zip-fil här.");
    }

    bool Has(string fileName);

    Stream Open(string fileName);
}
