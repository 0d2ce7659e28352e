using Kalmar.Contracts.Domain;

namespace Kalmar.Tests.Domain;

public sealed class PersonnummerTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData("850412-1230", "19850412-1230")]
    [InlineData("8504121230", "19850412-1230")]
    [InlineData("19850412-1230", "19850412-1230")]
    [InlineData("198504121230", "19850412-1230")]
    [InlineData(" 19121212-1212 ", "19121212-1212")]
    [InlineData("000229-1235", "20000229-1235")]
    public void ValidNumberIsNormalisedToTwelveDigits(string input, string expected)
    {
        Assert.True(Personnummer.TryParse(input, Today, out var personnummer, out var error), error);
        Assert.Equal(expected, personnummer.Value);
    }

    [Fact]
    public void TenDigitsTakeTheMostRecentCenturyNotInTheFuture()
    {
        Assert.True(Personnummer.TryParse("260101-1238", Today, out var thisYear, out _));
        Assert.Equal(new DateOnly(2026, 1, 1), thisYear.BirthDate);

        // 1 April 2026 has not come yet, so 260401 is someone born in 1926.
        Assert.True(Personnummer.TryParse("2604011235", Today, out var centenarian, out var error), error);
        Assert.Equal(new DateOnly(1926, 4, 1), centenarian.BirthDate);
    }

    [Fact]
    public void PlusMeansOneHundredYearsEarlier()
    {
        Assert.True(Personnummer.TryParse("121212+1212", Today, out var personnummer, out var error), error);
        Assert.Equal("19121212-1212", personnummer.Value);

        Assert.True(Personnummer.TryParse("850412+1230", Today, out var old, out _));
        Assert.Equal("18850412-1230", old.Value);
    }

    [Fact]
    public void WrongCheckDigitIsRefused()
    {
        Assert.False(Personnummer.TryParse("850412-1231", Today, out _, out var error));
        Assert.Equal("Personnumret har fel kontrollsiffra.", error);
    }

    [Fact]
    public void SamordningsnummerIsAccepted()
    {
        Assert.True(Personnummer.TryParse("701063-2391", Today, out var number, out var error), error);
        Assert.Equal("19701063-2391", number.Value);
        Assert.Equal(new DateOnly(1970, 10, 3), number.BirthDate);
        Assert.True(number.IsSamordningsnummer);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("85-04-12-1230")]
    [InlineData("85041212300")]
    [InlineData("19850412+1230")]
    [InlineData("٨٥٠٤١٢-١٢٣٠")]
    public void GarbageIsRefusedWithTheFormatMessage(string? input)
    {
        Assert.False(Personnummer.TryParse(input, Today, out _, out var error));
        Assert.Equal("Ange personnumret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.", error);
    }

    [Theory]
    [InlineData("851312-1235")] // month 13
    [InlineData("850230-1232")] // 30 February
    [InlineData("19000229-1234")] // 1900 was no leap year
    public void ImpossibleDateIsRefused(string input)
    {
        Assert.False(Personnummer.TryParse(input, Today, out _, out var error));
        Assert.Equal(Personnummer.DateError, error);
    }

    [Fact]
    public void BirthDateInTheFutureIsRefused()
    {
        Assert.False(Personnummer.TryParse("20260401-1235", Today, out _, out var error));
        Assert.Equal(Personnummer.FutureError, error);
    }

    [Fact]
    public void MaskedShowsTheBirthDateOnly()
    {
        Assert.True(Personnummer.TryParse("8504121230", Today, out var personnummer, out _));
        Assert.Equal("19850412-****", personnummer.Masked);
    }
}
