namespace Kalmar.Grains.Transit;

internal sealed class FolderGtfsSource(string folder) : IGtfsSource
{
    public bool Has(string fileName) => File.Exists(Path.Combine(folder, fileName));

    public Stream Open(string fileName) => File.OpenRead(Path.Combine(folder, fileName));

    public void Dispose()
    {
    }
}
