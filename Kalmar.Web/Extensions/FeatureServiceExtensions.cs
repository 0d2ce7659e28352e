using Kalmar.Web.Features.Approvals;
using Kalmar.Web.Features.Audit;
using Kalmar.Web.Features.BusinessTravel;
using Kalmar.Web.Features.Customers;
using Kalmar.Web.Features.Departments;
using Kalmar.Web.Features.Import;
using Kalmar.Web.Features.Invoices;
using Kalmar.Web.Features.Ordering;
using Kalmar.Web.Features.Profile;
using Kalmar.Web.Features.Receipts;
using Kalmar.Web.Features.Sessions;
using Kalmar.Web.Features.SignIn;
using Kalmar.Web.Features.Terms;
using Kalmar.Web.Features.Tickets;
using Kalmar.Web.Features.Transit;
using Kalmar.Web.Features.Travellers;

namespace Kalmar.Web.Extensions;

public static class FeatureServiceExtensions
{
    /// <summary>
    /// The feature services that the API modules and the pages share. They keep no state of their own (the
    /// grains do), so one of each serves every request.
    /// </summary>
    public static IServiceCollection AddKalmarFeatures(this IServiceCollection services) => services
        .AddSingleton<ApprovalsService>()
        .AddSingleton<AuditTrail>()
        .AddSingleton<CustomersService>()
        .AddSingleton<InvoiceReader>()
        .AddSingleton<InvoicesService>()
        .AddSingleton<InvoicePdf>()
        .AddSingleton<ReceiptReader>()
        .AddSingleton<ReceiptPdf>()
        .AddSingleton<SpendHistory>()
        .AddSingleton<ReconciliationReader>()
        .AddSingleton<DepartmentsService>()
        .AddSingleton<TravellerDirectory>()
        .AddSingleton<TravellerImportService>()
        .AddSingleton<BusinessTravelService>()
        .AddSingleton<OrderingService>()
        .AddSingleton<ProfileService>()
        .AddSingleton<SessionsService>()
        .AddSingleton<SignInService>()
        .AddSingleton<TermsService>()
        .AddSingleton<TicketKeyStore>()
        .AddSingleton<TicketKeyRing>()
        .AddSingleton<TicketCodes>()
        .AddSingleton<TicketStatusReader>()
        .AddSingleton<TicketInspection>()
        .AddSingleton<TicketsService>()
        .AddSingleton<TicketAdminService>()
        .AddSingleton<TransitService>()
        .AddSingleton<TravellersService>();
}
