import { DomainError } from '@bcl/kernel';
import { PLAN_SECTIONS, PlanEvent, PlanSection } from './plan';
import { fail } from './validate-content';

/**
 * Justifications that say nothing: a plan change must name the document or decision behind its figures. Compared
 * after trimming, ignoring case and a trailing full stop.
 */
const PLACEHOLDERS = new Set([
  '…',
  '...',
  '..',
  '.',
  'tbc',
  'tbd',
  'n/a',
  'na',
  'none',
  '-',
  '--',
  '?',
  'x',
  'xx',
  'xxx',
]);

/** Refuses an empty, blank or placeholder justification (`…`, `TBC`, `n/a`, `-`, `x`, …), naming `justification`. */
export function checkJustification(justification: string): void {
  const said = justification.trim().toLowerCase();
  if (said === '' || PLACEHOLDERS.has(said) || PLACEHOLDERS.has(said.replace(/\.$/, '')))
    fail(
      'justification',
      `must name the document or decision behind the figures, not a placeholder ('${justification.trim()}')`,
    );
}

/** What a plan document would change in one section: the entry keys added, changed and removed. */
export interface SectionChanges {
  section: PlanSection;
  added: string[];
  changed: string[];
  removed: string[];
}

/** The entry-level changes of the events `recordPlanDocument` decided, by section (sections with none left out). */
export function planDocumentChanges(events: readonly PlanEvent[]): SectionChanges[] {
  const bySection = new Map<PlanSection, SectionChanges>();
  for (const event of events) {
    if (
      event.type !== 'PlanEntryRecorded' &&
      event.type !== 'PlanEntryAmended' &&
      event.type !== 'PlanEntryRemoved'
    )
      continue;
    const { section, key } = event.data;
    const changes = bySection.get(section) ?? { section, added: [], changed: [], removed: [] };
    bySection.set(section, changes);
    const list =
      event.type === 'PlanEntryRecorded'
        ? changes.added
        : event.type === 'PlanEntryAmended'
          ? changes.changed
          : changes.removed;
    list.push(key);
  }
  return PLAN_SECTIONS.flatMap((section) => {
    const changes = bySection.get(section);
    return changes ? [changes] : [];
  });
}

/**
 * A plan document that would remove entries, given without `replace`: nothing is recorded. Carries what the
 * document would change, so the caller can show it (a preview) and ask for an explicit choice.
 */
export class RemovalNeedsConfirmation extends DomainError {
  constructor(
    readonly planId: string,
    readonly changes: SectionChanges[],
  ) {
    const removed = changes.flatMap((c) => c.removed.map((key) => `${c.section}/${key}`));
    super(
      'conflict',
      'replace',
      `would remove ${removed.length} entr${removed.length === 1 ? 'y' : 'ies'} from plan '${planId}' (${removed.join(', ')}); nothing was recorded: import again with replace to confirm`,
    );
    this.name = 'RemovalNeedsConfirmation';
  }

  get removedCount(): number {
    return this.changes.reduce((sum, c) => sum + c.removed.length, 0);
  }
}
