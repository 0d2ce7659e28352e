using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Features.Ordering;
using Kalmar.Web.Features.Tickets;
using Kalmar.Web.Infrastructure;
using Kalmar.Web.Payloads;

namespace Kalmar.Web.Features.Profile;

/// <summary>Min profil: the user's own data, its changes, the password, and the export of it all.</summary>
public sealed class ProfileService(
    IClusterClient cluster, OrderingService ordering, TicketsService tickets, TravellerLedger ledger, TimeProvider clock)
{
    /// <summary>An operator's employer, who is no customer of the portal.</summary>
    private static readonly CompanyInfo KalmarLanstrafik = new(Guid.Empty, "Kalmar länstrafik", StaffOfferAvailable: false, []);

    /// <summary>The user, or null when the user or the company is gone.</summary>
    public async Task<MeResponse?> GetAsync(Guid userId)
    {
        if (await cluster.GetGrain<IUserGrain>(userId).GetAsync() is not { } user
            || (user.CompanyId == Guid.Empty ? KalmarLanstrafik : await cluster.GetGrain<ICompanyGrain>(user.CompanyId).GetAsync()) is not { } company)
        {
            return null;
        }

        var department = company.FindDepartment(user.DepartmentId);
        var businessTravel = await cluster.GetGrain<IBusinessTravelGrain>(userId).GetAsync();
        return new MeResponse(
            user.Id, user.FirstName, user.LastName, user.Email, user.Mobile, user.Phone, user.Personnummer,
            new NamedRef(user.DepartmentId, department?.Name ?? ""), new NamedRef(company.Id, company.Name),
            [.. user.Roles.Select(role => role.ToName())],
            new NotifyResponse(user.Notify.Email, user.Notify.Sms),
            BusinessTravelResponse.Of(businessTravel),
            user.PendingEmail);
    }

    /// <summary>With any wrong field nothing is saved, and every field's error comes back.</summary>
    public Task<Outcome<UserProfile>> UpdateAsync(Guid userId, ProfileUpdate update) =>
        cluster.GetGrain<IUserGrain>(userId).UpdateProfileAsync(update);

    /// <summary>The link sent to a new address: the e-mail changes now.</summary>
    public Task<Outcome<UserProfile>> ConfirmEmailChangeAsync(Guid userId, string token) =>
        cluster.GetGrain<IUserGrain>(userId).ConfirmEmailChangeAsync(token);

    /// <summary>Ends every session of the user but <paramref name="currentSessionId"/>, the caller's, which goes on.</summary>
    public Task<Outcome<UserProfile>> ChangePasswordAsync(Guid userId, Guid currentSessionId, PasswordChange change) =>
        cluster.GetGrain<IUserGrain>(userId).ChangePasswordAsync(change, currentSessionId);

    public async Task<PersonalDataExport?> ExportAsync(Guid userId)
    {
        if (await GetAsync(userId) is not { } me)
        {
            return null;
        }

        return new PersonalDataExport(
            clock.GetUtcNow(), me, await cluster.GetGrain<IUserGrain>(userId).GetTermsAsync(),
            [.. (await ordering.OrdersAsync(userId)).Select(OrderPayload.Of)], [.. (await tickets.ActiveAsync(userId)).Select(TicketPayload.Of)],
            await ledger.OfAsync(userId));
    }
}
