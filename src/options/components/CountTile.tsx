/** One number of the import preview ("New entities 959"). */
export function CountTile({ id, label, value, tone }: { id: string; label: string; value: number; tone?: 'new' | 'warn' | 'bad' }) {
  return (
    <div class={`count-tile${tone ? ` tone-${tone}` : ''}`} data-count={id}>
      <dt>{label}</dt>
      <dd>{value.toLocaleString()}</dd>
    </div>
  );
}
