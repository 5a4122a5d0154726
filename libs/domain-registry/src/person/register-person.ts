import { refuse } from '@bcl/kernel';
import { PersonEvent, PersonState } from './person';

export interface RegisterPerson {
  personId: string;
}

export function registerPerson(state: PersonState | undefined, command: RegisterPerson): PersonEvent[] {
  if (state) refuse('conflict', 'personId', `person '${command.personId}' is already registered`);
  return [{ type: 'PersonRegistered', data: { personId: command.personId } }];
}
