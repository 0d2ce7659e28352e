namespace Kalmar.Tests.Invoices;

[CollectionDefinition(Name)]
public sealed class InvoiceCollection : ICollectionFixture<InvoiceFixture>
{
    public const string Name = "Invoices";
}
