import { refuse } from '@bcl/kernel';
import { PersonEvent, PersonState } from './person';

export interface ErasePersonalData {
  personId: string;
}

/** The event records that erasure happened (and who asked, in its metadata); it holds no personal data. */
export function erasePersonalData(state: PersonState | undefined, command: ErasePersonalData): PersonEvent[] {
  if (!state) return refuse('not-found', 'personId', `person '${command.personId}' is not registered`);
  if (state.erased)
    refuse('conflict', 'personId', `personal data of '${command.personId}' was already erased`);
  return [{ type: 'PersonalDataErased', data: { personId: command.personId } }];
}
