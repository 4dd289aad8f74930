using Equipment.Gbt32960.Framing;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Paddings;
using Org.BouncyCastle.Crypto.Parameters;

namespace Equipment.Gbt32960.Crypto;

/// <summary>
/// Data-unit encryption. The standard names the algorithm (0x03 AES, 2025 0x05 SM4) but no mode, padding or IV, and
/// the frame has no field for an IV; the platform therefore uses the block cipher in ECB mode with PKCS#7 padding and a
/// 16-byte per-VIN key from the truck's registration, which is what T-Box vendors commonly ship. RSA (0x02) and
/// SM2 (0x04) need a per-VIN key pair and a key exchange (2025 command 0x0B) the platform does not run: refused.
/// </summary>
public static class FrameCipher
{
    public const int KeyBytes = 16;

    /// <summary>Whether frames with this encryption byte can be read given a key.</summary>
    public static bool IsSupported(Edition edition, byte encryption) =>
        encryption == Encryption.None || encryption == Encryption.Aes128 || (edition == Edition.V2025 && encryption == Encryption.Sm4);

    /// <summary>The plain data unit, or null when it cannot be decrypted (no key, unsupported method, bad length or padding).</summary>
    public static byte[]? TryDecrypt(Edition edition, byte encryption, byte[] data, byte[]? key)
    {
        if (encryption == Encryption.None)
        {
            return data;
        }

        if (!IsSupported(edition, encryption) || key is not { Length: KeyBytes } || data.Length == 0 || data.Length % 16 != 0)
        {
            return null;
        }

        try
        {
            var cipher = Create(encryption, false, key);
            var output = new byte[cipher.GetOutputSize(data.Length)];
            var n = cipher.ProcessBytes(data, 0, data.Length, output, 0);
            n += cipher.DoFinal(output, n);
            return output.AsSpan(0, n).ToArray();
        }
        catch (CryptoException)
        {
            return null;
        }
    }

    public static byte[] Encrypt(byte encryption, byte[] data, byte[] key)
    {
        var cipher = Create(encryption, true, key);
        var output = new byte[cipher.GetOutputSize(data.Length)];
        var n = cipher.ProcessBytes(data, 0, data.Length, output, 0);
        n += cipher.DoFinal(output, n);
        return output.AsSpan(0, n).ToArray();
    }

    private static PaddedBufferedBlockCipher Create(byte encryption, bool forEncryption, byte[] key)
    {
        IBlockCipher engine = encryption switch
        {
            Encryption.Aes128 => AesUtilities.CreateEngine(),
            Encryption.Sm4 => new SM4Engine(),
            _ => throw new ArgumentException($"encryption 0x{encryption:X2} is not supported", nameof(encryption)),
        };
        var cipher = new PaddedBufferedBlockCipher(engine, new Pkcs7Padding());
        cipher.Init(forEncryption, new KeyParameter(key));
        return cipher;
    }
}
