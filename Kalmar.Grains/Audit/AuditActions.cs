namespace Kalmar.Grains.Audit;

/// <summary>The kinds of entry in the audit log; the portal shows each in Swedish.</summary>
public static class AuditActions
{
    public const string CompanyCreated = "company-created";
    public const string CompanyChanged = "company-changed";
    public const string DepartmentCreated = "department-created";
    public const string DepartmentChanged = "department-changed";
    public const string DepartmentDeleted = "department-deleted";
    public const string TravellerCreated = "traveller-created";
    public const string TravellerChanged = "traveller-changed";
    public const string TravellerMoved = "traveller-moved";
    public const string RolesChanged = "roles-changed";
    public const string TravellerDeactivated = "traveller-deactivated";
    public const string TravellerReactivated = "traveller-reactivated";
    public const string InvitationSent = "invitation-sent";
    public const string BusinessTravelChanged = "business-travel-changed";
    public const string OrderApproved = "order-approved";
    public const string OrderRejected = "order-rejected";
    public const string Imported = "travellers-imported";
    public const string TicketBlocked = "ticket-blocked";
    public const string TicketRecalled = "ticket-recalled";
}
