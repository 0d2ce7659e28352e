namespace Kalmar.Web.Features.Audit;

/// <summary>The audit log's actions in Swedish.</summary>
public static class AuditTexts
{
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>
    {
        ["company-created"] = "Företag skapat",
        ["company-changed"] = "Företag ändrat",
        ["department-created"] = "Avdelning skapad",
        ["department-changed"] = "Avdelning ändrad",
        ["department-deleted"] = "Avdelning borttagen",
        ["traveller-created"] = "Resenär tillagd",
        ["traveller-changed"] = "Resenär ändrad",
        ["traveller-moved"] = "Resenär flyttad",
        ["roles-changed"] = "Roller ändrade",
        ["traveller-deactivated"] = "Resenär avaktiverad",
        ["traveller-reactivated"] = "Resenär återaktiverad",
        ["invitation-sent"] = "Ny inbjudan skickad",
        ["business-travel-changed"] = "Tjänsteresor ändrade",
        ["order-approved"] = "Beställning godkänd",
        ["order-rejected"] = "Beställning avslagen",
        ["travellers-imported"] = "Resenärer importerade",
        ["ticket-blocked"] = "Biljett spärrad",
        ["ticket-recalled"] = "Biljett återkallad",
    };

    public static string Describe(string action) => Actions.GetValueOrDefault(action, action);

    /// <summary>The changed fields' names as the Händelselogg shows them (the JSON's names in camelCase).</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "Namn",
        ["reference"] = "Fakturareferens",
        ["costCentre"] = "Kostnadsställe",
        ["orgNumber"] = "Organisationsnummer",
        ["invoiceEmail"] = "Fakturamejl",
        ["invoiceAddress"] = "Fakturaadress",
        ["staffOfferAvailable"] = "Personalerbjudande",
        ["maxMonthlyLimitOre"] = "Högsta månadskredit",
        ["firstName"] = "Förnamn",
        ["lastName"] = "Efternamn",
        ["email"] = "E-post",
        ["mobile"] = "Mobil",
        ["employeeNumber"] = "Anställningsnummer",
        ["department"] = "Avdelning",
        ["companyAdmin"] = "Företagsadministratör",
        ["departmentAdminOf"] = "Administratör för",
        ["active"] = "Aktiv",
        ["enabled"] = "Tjänsteresor",
        ["monthlyLimitOre"] = "Månadskredit",
        ["ticket"] = "Biljett",
        ["status"] = "Status",
        ["reason"] = "Skäl",
        ["creditOre"] = "Krediterat",
        ["creditedTo"] = "Krediterat till",
    };

    public static string Field(string name) => Fields.GetValueOrDefault(name, name);
}
