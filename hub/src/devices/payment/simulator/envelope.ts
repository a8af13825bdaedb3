// The terminal side of Adyen's shared-key envelope (AdyenCryptoVersion 1), written from the spec, not the library.
import { createCipheriv, createDecipheriv, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SharedKey {
  passphrase: string;
  keyIdentifier: string;
  keyVersion: number;
}

export interface SecuredMessage {
  MessageHeader: Record<string, unknown>;
  NexoBlob: string;
  SecurityTrailer: {
    AdyenCryptoVersion: number;
    Hmac: string;
    KeyIdentifier: string;
    KeyVersion: number;
    Nonce: string;
  };
}

interface DerivedKey {
  hmacKey: Buffer;
  cipherKey: Buffer;
  ivBase: Buffer;
}

export class CryptoError extends Error {}

const derived = new Map<string, DerivedKey>();

/** PBKDF2-HMAC-SHA1(passphrase, 'AdyenNexoV1Salt', 4000, 80 bytes): HMAC key, AES key, IV base. */
function derive(passphrase: string): DerivedKey {
  let key = derived.get(passphrase);
  if (!key) {
    const bytes = pbkdf2Sync(Buffer.from(passphrase, 'binary'), 'AdyenNexoV1Salt', 4000, 80, 'sha1');
    key = { hmacKey: bytes.subarray(0, 32), cipherKey: bytes.subarray(32, 64), ivBase: bytes.subarray(64, 80) };
    derived.set(passphrase, key);
  }
  return key;
}

function iv(key: DerivedKey, nonce: Buffer): Buffer {
  if (nonce.length !== 16) throw new CryptoError('nonce must be 16 bytes');
  return Buffer.from(key.ivBase.map((byte, i) => byte ^ (nonce[i] ?? 0)));
}

export function seal(header: Record<string, unknown>, json: string, sharedKey: SharedKey): SecuredMessage {
  const key = derive(sharedKey.passphrase);
  const plain = Buffer.from(json, 'utf8');
  const nonce = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key.cipherKey, iv(key, nonce));
  const blob = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    MessageHeader: header,
    NexoBlob: blob.toString('base64'),
    SecurityTrailer: {
      AdyenCryptoVersion: 1,
      Hmac: createHmac('sha256', key.hmacKey).update(plain).digest('base64'),
      KeyIdentifier: sharedKey.keyIdentifier,
      KeyVersion: sharedKey.keyVersion,
      Nonce: nonce.toString('base64'),
    },
  };
}

/** Decrypts and verifies a request; any mismatch (key id, version, padding, HMAC) is a CryptoError. */
export function open(message: SecuredMessage, sharedKey: SharedKey): string {
  const trailer = message.SecurityTrailer;
  if (trailer.AdyenCryptoVersion !== 1) throw new CryptoError('unsupported crypto version');
  if (trailer.KeyIdentifier !== sharedKey.keyIdentifier || trailer.KeyVersion !== sharedKey.keyVersion) {
    throw new CryptoError('unknown key identifier or version');
  }
  const key = derive(sharedKey.passphrase);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key.cipherKey, iv(key, Buffer.from(trailer.Nonce, 'base64')));
    plain = Buffer.concat([decipher.update(Buffer.from(message.NexoBlob, 'base64')), decipher.final()]);
  } catch (error) {
    throw new CryptoError('cannot decrypt', { cause: error });
  }
  const expected = createHmac('sha256', key.hmacKey).update(plain).digest();
  const received = Buffer.from(trailer.Hmac, 'base64');
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
    throw new CryptoError('HMAC mismatch');
  }
  return plain.toString('utf8');
}
