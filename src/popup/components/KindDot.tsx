/** The coloured mark of an entity kind, matching the page highlights; decorative next to a written kind. */
export function KindDot({ kind }: { kind: string }) {
  return <span class={`kind-dot kind-${kind}`} aria-hidden="true" />;
}
