/** RFC 9562 UUIDs for STIX ids: v5 (name-based, SHA-1, deterministic) and v4 (random). Web Crypto only. */

/** ActorLens's own namespace for name-based ids (a fixed random UUID). */
export const ACTORLENS_NAMESPACE = '6d1f3c0e-8a4b-4f7e-9b2d-5c3a1e0f7d42';

function bytesOf(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function format(b: Uint8Array): string {
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export async function uuidv5(name: string, namespace = ACTORLENS_NAMESPACE): Promise<string> {
  const ns = bytesOf(namespace);
  const data = new TextEncoder().encode(name);
  const buf = new Uint8Array(ns.length + data.length);
  buf.set(ns);
  buf.set(data, ns.length);
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', buf));
  const b = hash.slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  return format(b);
}

export function uuidv4(): string {
  return globalThis.crypto.randomUUID();
}
