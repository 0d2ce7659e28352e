using System.ComponentModel.DataAnnotations;

namespace Kalmar.Contracts.Hosting;

/// <summary>
/// Section <c>Portal</c>: where users reach the portal. Every link in an e-mail or SMS is built from this
/// configured address, never from a request's Host header, which an attacker chooses.
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:8080";

    public string ResetPasswordPage => Link("/aterstall-losenord");

    public string InvitationPage => Link("/inbjudan");

    public string ConfirmEmailPage => Link("/bekrafta-e-post");

    public string ApprovalPage => Link("/admin/attestering");

    public string App => Link("/app/");

    private string Link(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
