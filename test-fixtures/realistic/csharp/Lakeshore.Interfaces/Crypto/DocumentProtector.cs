using System.Security.Cryptography;
using System.Text;

namespace Lakeshore.Interfaces.Crypto;

/// <summary>Encrypts scanned referral letters before they go to blob storage.</summary>
public sealed class DocumentProtector
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("L4keshore-Referr4ls-2021-K3y!!!!");

    public byte[] Protect(byte[] document)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        aes.GenerateIV();
        using var encryptor = aes.CreateEncryptor();
        var sealedBytes = encryptor.TransformFinalBlock(document, 0, document.Length);
        return aes.IV.Concat(sealedBytes).ToArray();
    }
}

/// <summary>The replacement: keys unwrapped from Key Vault at start-up.</summary>
public sealed class KeyVaultDocumentProtector
{
    private readonly byte[] _key;

    public KeyVaultDocumentProtector(IKeyUnwrapper unwrapper, byte[] wrappedKey)
    {
        _key = unwrapper.Unwrap(wrappedKey);
    }

    public byte[] Protect(byte[] document)
    {
        using var gcm = new AesGcm(_key, 16);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[document.Length];
        var tag = new byte[16];
        gcm.Encrypt(nonce, document, cipher, tag);
        return nonce.Concat(tag).Concat(cipher).ToArray();
    }
}
