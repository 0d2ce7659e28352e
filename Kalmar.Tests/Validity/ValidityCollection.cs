namespace Kalmar.Tests.Validity;

[CollectionDefinition(Name)]
public sealed class ValidityCollection : ICollectionFixture<ValidityFixture>
{
    public const string Name = "Validity";
}
