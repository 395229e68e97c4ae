/** Node 20 has no Uint8Array.fromBase64 (Chromium and Firefox do): stands one in while `fn` runs. */
export function withNativeBase64<T>(fn: () => T): T {
  const U = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array };
  const had = U.fromBase64;
  U.fromBase64 = (b64: string) => {
    const buf = Buffer.from(b64, 'base64');
    return new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
  };
  try {
    return fn();
  } finally {
    if (had) U.fromBase64 = had;
    else delete U.fromBase64;
  }
}
