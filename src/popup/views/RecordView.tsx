/** Hosts the claim form for a new claim (prefilled from the page) or for editing one of the reader's claims. */
import type { ComponentChildren } from 'preact';
import type { Settings } from '../../core/settings';
import type { SearchHit } from '../backend';
import { ClaimForm } from '../components/ClaimForm';
import type { PickerOption } from '../components/EntityPicker';
import { TopBar } from '../components/TopBar';
import type { ClaimDraft } from '../lib/claim-draft';

export interface RecordViewProps {
  mode: 'add' | 'edit';
  initial: ClaimDraft;
  suggestions: PickerOption[];
  search: (q: string) => Promise<SearchHit[]>;
  scale: Settings['scale'];
  onSubmit: (draft: ClaimDraft) => Promise<void>;
  onBack: () => void;
  /** The form's Cancel (discards the draft); Back and Escape keep it. Defaults to onBack. */
  onCancel?: (() => void) | undefined;
  onDraftChange?: ((draft: ClaimDraft) => void) | undefined;
  onOptions: () => void;
  /** Status line (saved, deleted + undo), shown under the header. */
  banner?: ComponentChildren;
}

export function RecordView(props: RecordViewProps) {
  return (
    <main class="view record-view">
      <TopBar onBack={props.onBack} onOptions={props.onOptions} />
      {props.banner}
      <ClaimForm
        mode={props.mode}
        initial={props.initial}
        suggestions={props.suggestions}
        search={props.search}
        scale={props.scale}
        onSubmit={props.onSubmit}
        onCancel={props.onCancel ?? props.onBack}
        onDraftChange={props.onDraftChange}
      />
    </main>
  );
}
