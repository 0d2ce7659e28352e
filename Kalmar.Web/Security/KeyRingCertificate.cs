using System.Security.Cryptography.X509Certificates;

namespace Kalmar.Web.Security;

/// <summary>
/// Section <c>DataProtection</c>: the X.509 certificate that encrypts the data-protection key ring before it is stored
/// in PostgreSQL. Those keys sign every cookie and token and protect the ticket signing keys, so without it a copy of
/// the database (a backup, a replica) would be enough to forge any user's session. Every web node mounts the same
/// certificate, with its private key, to read the keys the others wrote.
/// </summary>
public static class KeyRingCertificate
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 file (.pfx), or with <see cref="KeyPathKey"/> a PEM certificate.</summary>
    public const string PathKey = "CertificatePath";

    /// <summary>The PKCS#12 file's password, or the PEM key's when it is encrypted.</summary>
    public const string PasswordKey = "CertificatePassword";

    /// <summary>The PEM certificate's private key.</summary>
    public const string KeyPathKey = "KeyPath";

    /// <summary>
    /// The configured certificate; null in Development without one (the keys are then stored as they are). Outside
    /// Development the host does not start without one, nor with one that has no private key.
    /// </summary>
    public static X509Certificate2? Load(IConfiguration configuration, string environmentName)
    {
        var section = configuration.GetSection(Section);
        if (section[PathKey] is not { Length: > 0 } path)
        {
            return environmentName == Environments.Development ? null : throw new InvalidOperationException(
                $"{environmentName} does not start without a certificate that encrypts the data-protection key ring: set {Section}__{PathKey} "
                + $"to a PKCS#12 file (with {Section}__{PasswordKey}) or to a PEM certificate (with {Section}__{KeyPathKey}); README shows how to make one with openssl.");
        }

        var password = section[PasswordKey];
        var certificate = section[KeyPathKey] is { Length: > 0 } keyPath
            ? password is null ? X509Certificate2.CreateFromPemFile(path, keyPath) : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey ? certificate : throw new InvalidOperationException(
            $"The certificate in {path} has no private key, so the key ring it encrypted could not be read back: set {Section}__{KeyPathKey} or use a PKCS#12 file with its key.");
    }
}
