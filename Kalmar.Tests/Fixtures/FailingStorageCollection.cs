namespace Kalmar.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class FailingStorageCollection : ICollectionFixture<FailingStorageFixture>
{
    public const string Name = "Failing storage";
}
