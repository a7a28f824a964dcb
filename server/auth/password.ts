/**
 * Password hashing with argon2id (`@node-rs/argon2`: the RustCrypto `argon2` crate compiled per platform,
 * every platform package on the registry, so `npm ci` works from the lock file). Parameters follow OWASP's
 * argon2id minimum (19 MiB, 2 passes, 1 lane); the PHC string records them, so raising them later still
 * verifies old hashes and `needsRehash` tells when to upgrade one at the next login.
 */
import { randomBytes } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

// `Algorithm` is an ambient const enum (not importable as a value under verbatimModuleSyntax): 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

/** Constant-time comparison happens inside the argon2 crate; a malformed hash verifies as false. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function needsRehash(passwordHash: string): boolean {
  const { memoryCost: m, timeCost: t, parallelism: p } = PARAMS;
  return !passwordHash.startsWith(`$argon2id$v=19$m=${m},t=${t},p=${p}$`);
}

/** A hash of a random password: verifying against it costs the same as a real one (no user enumeration by timing). */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/** A one-time password for a new account or a reset: 16 characters from an unambiguous alphabet (≈ 88 bits). */
export function generatePassword(length = 16): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 56 symbols: reject bytes ≥ 224 so every symbol is equally likely.
      if (byte < 224 && out.length < length) out.push(alphabet[byte % alphabet.length]!);
    }
  }
  return out.join('');
}
