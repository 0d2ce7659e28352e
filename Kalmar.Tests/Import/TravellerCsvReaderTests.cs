using System.Text;
using Kalmar.Contracts.Domain;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Features.Import;

namespace Kalmar.Tests.Import;

public sealed class TravellerCsvReaderTests
{
    private const string Header = "Förnamn;Efternamn;E-post;Mobil;Avdelning";
    private const string Anna = "Anna;Ek;anna@ek.example;070-655 56 11;Bygg";
    private const string Bo = "Bo;Ek;bo@ek.example;070-655 56 12;Bygg";

    [Fact]
    public void SemicolonFileWithUtf8BomIsRead()
    {
        var bytes = TravellerCsv.Generate(3, i => $"Avdelning {i}");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var file = Read(bytes);

        Assert.Empty(file.Errors);
        Assert.False(file.TooManyRows);
        Assert.Equal([2, 3, 4], file.Rows.Select(row => row.Line));
        Assert.Equal(
            new ImportRow(2, "Björn", "Åberg", "person1@nybrobygg.example", "+46701000001", "Avdelning 1", "NB-00001", null),
            file.Rows[0]);
    }

    [Fact]
    public void CommaFileWithoutBomIsRead()
    {
        var bytes = TravellerCsv.Generate(2, _ => "Bygg, Norr; Kalmar", ",", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Assert.Equal((byte)'F', bytes[0]);

        var file = Read(bytes);

        Assert.Empty(file.Errors);
        Assert.Equal(["Bygg, Norr; Kalmar", "Bygg, Norr; Kalmar"], file.Rows.Select(row => row.Department));
        Assert.Equal(["person1@nybrobygg.example", "person2@nybrobygg.example"], file.Rows.Select(row => row.Email));
    }

    [Fact]
    public void WindowsAnsiFileAsExcelSavesItIsRead()
    {
        var bytes = TravellerCsv.Generate(4, _ => "Försäljning", encoding: CodePagesEncodingProvider.Instance.GetEncoding(1252));
        Assert.Equal(0xF6, bytes[1]); // the ö of "Förnamn" in one byte, which is not UTF-8

        var file = Read(bytes);

        Assert.Empty(file.Errors);
        Assert.Equal(["Björn", "Märta", "Göran", "Örjan"], file.Rows.Select(row => row.FirstName));
        Assert.Equal(
            new ImportRow(5, "Örjan", "Åberg", "person4@nybrobygg.example", "+46701000004", "Försäljning", "NB-00004", null),
            file.Rows[3]);
    }

    [Theory]
    [InlineData("fornamn;efternamn;epost;mobil;avdelning")]
    [InlineData("FÖRNAMN;EFTERNAMN;E post;MOBIL;AVDELNING")]
    [InlineData(" Förnamn ; Efter-namn ;EPOST;Mobil;Avdelning")]
    public void ColumnsAreMatchedIgnoringCaseSpacesHyphensAndDiacritics(string header)
    {
        var file = Read(header, Anna);

        Assert.Empty(file.Errors);
        Assert.Equal(new ImportRow(2, "Anna", "Ek", "anna@ek.example", "+46706555611", "Bygg", null, null), Assert.Single(file.Rows));
    }

    [Fact]
    public void OptionalColumnsAreMatchedLikeTheOthersAndUnknownColumnsIgnoredInAnyOrder()
    {
        var file = Read(
            "Kommentar;MANADSGRANS;Avdelning;Mobil;anstallnings-nummer;E-post;Efternamn;Förnamn",
            "ny chef;400;Bygg;070-655 56 11;A-17;anna@ek.example;Ek;Anna");

        Assert.Empty(file.Errors);
        Assert.Equal(new ImportRow(2, "Anna", "Ek", "anna@ek.example", "+46706555611", "Bygg", "A-17", 40_000), Assert.Single(file.Rows));
    }

    [Fact]
    public void ValuesAreTrimmedAndNormalised()
    {
        var file = Read(Header, "  Anna ; Ek ;\" Anna.Ek@Bygg.Example \";+46 (0)70-655 56 11; Bygg Norr ");

        Assert.Equal(new ImportRow(2, "Anna", "Ek", "anna.ek@bygg.example", "+46706555611", "Bygg Norr", null, null), Assert.Single(file.Rows));
    }

    [Fact]
    public void MissingColumnsAreReportedOnLineOneAndNoRowIsChecked()
    {
        var file = Read("Förnamn;E-post;Avdelning", "Anna;inte-en-adress;Bygg");

        Assert.Equal(
            [new ImportError(1, "Efternamn", "Kolumnen Efternamn saknas."), new ImportError(1, "Mobil", "Kolumnen Mobil saknas.")],
            file.Errors);
        Assert.Empty(file.Rows);
        Assert.False(file.TooManyRows);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    public void EmptyFileIsReported(byte[] bytes)
    {
        var file = Read(bytes);

        Assert.Equal([new ImportError(1, null, "Filen är tom.")], file.Errors);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void HeaderWithoutRowsIsNoError()
    {
        var file = Read(Header, "");

        Assert.Empty(file.Errors);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void UnclosedQuoteIsReportedOnTheLineWhereItOpens()
    {
        var file = Read(Header, Anna, "\"Bo;Ek;bo@ek.example;070-655 56 12;Bygg", "Cia;Ek;cia@ek.example;070-655 56 13;Bygg");

        Assert.Equal([new ImportError(3, null, "Raden har ett citattecken som inte avslutas.")], file.Errors);
        Assert.Equal([2], file.Rows.Select(row => row.Line));
    }

    [Theory]
    [InlineData("An\"na;Ek;anna@ek.example;070-655 56 11;Bygg")]
    [InlineData("\"An\"na;Ek;anna@ek.example;070-655 56 11;Bygg")]
    public void QuoteInsideAFieldIsReported(string row)
    {
        var file = Read(Header, row, Bo);

        var error = Assert.Single(file.Errors);
        Assert.Equal(2, error.Line);
        Assert.Null(error.Column);
        Assert.StartsWith("Raden har ett citattecken mitt i ett fält.", error.Message, StringComparison.Ordinal);
        Assert.Equal([3], file.Rows.Select(row => row.Line));
    }

    [Fact]
    public void InvalidEmailAndMobileAreReportedWithLineAndTheColumnAsTheFileNamesIt()
    {
        var file = Read(
            "Förnamn;Efternamn;EPOST;mobil;Avdelning",
            Anna,
            "Bo;Ek;bo@;070-655 56 12;Bygg",
            "Cia;Ek;cia@ek.example;08-123 456 78;Bygg",
            "Dan;Ek;dan@ek;074-123 45 67;Bygg");

        Assert.Equal(
            [
                new ImportError(3, "EPOST", "Ogiltig e-postadress: bo@"),
                new ImportError(4, "mobil", $"Ogiltigt mobilnummer: 08-123 456 78. {SwedishMobile.Error}"),
                new ImportError(5, "EPOST", "Ogiltig e-postadress: dan@ek"),
                new ImportError(5, "mobil", $"Ogiltigt mobilnummer: 074-123 45 67. {SwedishMobile.Error}"),
            ],
            file.Errors);
        Assert.Equal([2], file.Rows.Select(row => row.Line));
    }

    [Fact]
    public void EveryEmptyRequiredFieldIsReported()
    {
        var file = Read(Header, "Anna;;anna@ek.example;;", "Bo");

        Assert.Equal(
            [
                new ImportError(2, "Efternamn", "Efternamn saknas."),
                new ImportError(2, "Mobil", "Mobil saknas."),
                new ImportError(2, "Avdelning", "Avdelning saknas."),
                new ImportError(3, "Efternamn", "Efternamn saknas."),
                new ImportError(3, "E-post", "E-post saknas."),
                new ImportError(3, "Mobil", "Mobil saknas."),
                new ImportError(3, "Avdelning", "Avdelning saknas."),
            ],
            file.Errors);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void TooLongNamesAndEmployeeNumbersAreReported()
    {
        var longest = new string('Å', TravellerCsvReader.MaxNameLength);
        var number = new string('7', TravellerCsvReader.MaxEmployeeNumberLength);
        var file = Read(
            Header + ";Anställningsnummer",
            $"{longest};{longest};anna@ek.example;070-655 56 11;Bygg;{number}",
            $"{longest}Å;Ek;bo@ek.example;070-655 56 12;Bygg;{number}7",
            $"Cia;{longest}Å;cia@ek.example;070-655 56 13;Bygg;");

        Assert.Equal(
            [
                new ImportError(3, "Förnamn", "Förnamn får ha högst 100 tecken."),
                new ImportError(3, "Anställningsnummer", "Anställningsnummer får ha högst 50 tecken."),
                new ImportError(4, "Efternamn", "Efternamn får ha högst 100 tecken."),
            ],
            file.Errors);
        Assert.Equal(number, Assert.Single(file.Rows).EmployeeNumber);
    }

    [Fact]
    public void SameEmailTwiceIsReportedOnTheLaterLine()
    {
        var file = Read(Header, Anna, Bo, "Anna;Ek;  ANNA@ek.example ;070-655 56 13;Bygg");

        Assert.Equal([new ImportError(4, "E-post", "E-postadressen finns redan på rad 2.")], file.Errors);
        Assert.Equal([2, 3], file.Rows.Select(row => row.Line));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("0", 0L)]
    [InlineData("0,00", 0L)]
    [InlineData("400", 40_000L)]
    [InlineData("400,50", 40_050L)]
    [InlineData("400,5", 40_050L)]
    [InlineData("0,07", 7L)]
    [InlineData("1200", 120_000L)]
    [InlineData("1 200", 120_000L)]
    [InlineData("1 200,00", 120_000L)]
    [InlineData("1\u00A0200,75", 120_075L)]
    [InlineData("1\u202F200", 120_000L)]
    [InlineData("12 345 678,90", 1_234_567_890L)]
    [InlineData("999 999 999,99", 99_999_999_999L)]
    [InlineData("1 200,50 kr", 120_050L)]
    public void MonthlyLimitInKronorIsReadAsOre(string kronor, long? ore)
    {
        var file = Read(Header + ";Månadsgräns", $"{Anna};{kronor}");

        Assert.Empty(file.Errors);
        Assert.Equal(ore, Assert.Single(file.Rows).MonthlyLimitOre);
    }

    [Theory]
    [InlineData("-400")]
    [InlineData("400,505")]
    [InlineData("400.50")]
    [InlineData("1.200")]
    [InlineData(",50")]
    [InlineData("12 00")]
    [InlineData("1 2 0 0")]
    [InlineData("1234567890")]
    [InlineData("1 000 000 000")]
    [InlineData("fyrahundra")]
    [InlineData("400 €")]
    public void MonthlyLimitThatIsNotKronorIsReported(string kronor)
    {
        var file = Read(Header + ";Månadsgräns", $"{Anna};{kronor}");

        Assert.Equal(
            [new ImportError(2, "Månadsgräns", $"Ogiltig månadsgräns: {kronor}. Ange kronor med högst två decimaler, t.ex. 400 eller 1 200,50.")],
            file.Errors);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void LinesAreCountedAsASpreadsheetShowsThemWithLineBreaksInQuotesAndEmptyLines()
    {
        var file = Read(
            Header,
            "Anna;Ek;anna@ek.example;070-655 56 11;\"Bygg\r\nNorr\"", // line 2, two lines of text
            "", // line 3
            ";;;;", // line 4, an emptied spreadsheet row
            "Bo;Ek;bo@;070-655 56 12;Bygg"); // line 5, the sixth line of text

        Assert.Equal("Bygg\r\nNorr", Assert.Single(file.Rows).Department);
        Assert.Equal([new ImportError(5, "E-post", "Ogiltig e-postadress: bo@")], file.Errors);
    }

    [Fact]
    public void TenThousandRowsAreRead()
    {
        var bytes = TravellerCsv.Generate(TravellerCsvReader.MaxRows, i => $"Avdelning {i % 7}");

        var file = Read([.. bytes, .. Encoding.UTF8.GetBytes(";;;;;\r\n\r\n")]);

        Assert.Empty(file.Errors);
        Assert.Equal(TravellerCsvReader.MaxRows, file.Rows.Count);
        Assert.Equal(TravellerCsvReader.MaxRows + 1, file.Rows[^1].Line);
    }

    [Fact]
    public void MoreThanTenThousandRowsAreTooMany()
    {
        var file = Read(TravellerCsv.Generate(TravellerCsvReader.MaxRows + 1, _ => "Bygg"));

        Assert.True(file.TooManyRows);
        Assert.Equal([new ImportError(1, null, "Filen har fler än 10 000 rader. Dela upp den i flera filer.")], file.Errors);
        Assert.Empty(file.Rows);
    }

    private static ImportFile Read(params string[] lines) => Read(Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));

    private static ImportFile Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return TravellerCsvReader.Read(stream);
    }
}
