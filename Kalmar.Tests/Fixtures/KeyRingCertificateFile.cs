using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kalmar.Web.Security;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// A self-signed certificate for the data-protection key ring, written as a PKCS#12 file and as PEM files (as
/// README's openssl line makes them), deleted on dispose; <see cref="Settings"/> and <see cref="PemSettings"/>
/// configure a web host with either.
/// </summary>
public sealed class KeyRingCertificateFile : IDisposable
{
    private const string Password = "nyckelring-test";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"keyring-{Guid.NewGuid():N}");

    public KeyRingCertificateFile()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Företagsportalen key ring (test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes($"{_path}.pfx", certificate.Export(X509ContentType.Pfx, Password));
        File.WriteAllText($"{_path}.crt", certificate.ExportCertificatePem());
        File.WriteAllText($"{_path}.key", key.ExportPkcs8PrivateKeyPem());
    }

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        [$"{KeyRingCertificate.Section}:{KeyRingCertificate.PathKey}"] = $"{_path}.pfx",
        [$"{KeyRingCertificate.Section}:{KeyRingCertificate.PasswordKey}"] = Password,
    };

    public IReadOnlyDictionary<string, string> PemSettings => new Dictionary<string, string>
    {
        [$"{KeyRingCertificate.Section}:{KeyRingCertificate.PathKey}"] = $"{_path}.crt",
        [$"{KeyRingCertificate.Section}:{KeyRingCertificate.KeyPathKey}"] = $"{_path}.key",
    };

    public void Dispose()
    {
        foreach (var extension in (string[])["pfx", "crt", "key"])
        {
            File.Delete($"{_path}.{extension}");
        }
    }
}
