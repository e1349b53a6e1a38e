using System.Security.Cryptography;
using System.Text;

namespace Lakeshore.Interfaces.Legacy;

/// <summary>Kept for the old patient portal's encrypted query strings until it is retired.</summary>
public static class PortalCrypto
{
    private const string EncryptionKey = "LAKESH0RE-P0RTAL-2017";

    public static string Encrypt(string clearText)
    {
        var clearBytes = Encoding.Unicode.GetBytes(clearText);
        using var encryptor = Aes.Create();
        using var pdb = new Rfc2898DeriveBytes(EncryptionKey, new byte[] { 0x49, 0x76, 0x61, 0x6e, 0x20, 0x4d, 0x65, 0x64 }, 1000, HashAlgorithmName.SHA1);
        encryptor.Key = pdb.GetBytes(32);
        encryptor.IV = pdb.GetBytes(16);
        using var ms = new MemoryStream();
        using (var cs = new CryptoStream(ms, encryptor.CreateEncryptor(), CryptoStreamMode.Write))
        {
            cs.Write(clearBytes, 0, clearBytes.Length);
        }
        return Convert.ToBase64String(ms.ToArray());
    }

    public static byte[] DeriveFromSecret(string secretFromVault, byte[] salt)
    {
        using var pdb = new Rfc2898DeriveBytes(secretFromVault, salt, 600_000, HashAlgorithmName.SHA256);
        return pdb.GetBytes(32);
    }
}
