/**
 * A person appears in events only by a stable pseudonymous id. Their name is personal data, kept in the
 * personal-data vault beside the log, so it can be erased without touching the hash chain.
 */
export type PersonEvent =
  | { type: 'PersonRegistered'; data: { personId: string } }
  | { type: 'PersonalDataErased'; data: { personId: string } };

export interface PersonState {
  personId: string;
  erased: boolean;
}

export const personStream = (personId: string): string => `person-${personId}`;

export function evolvePerson(state: PersonState | undefined, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonRegistered':
      return { personId: event.data.personId, erased: false };
    case 'PersonalDataErased':
      return { personId: event.data.personId, erased: true };
  }
}
