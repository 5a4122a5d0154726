import { CalendarDate, isCalendarDate, refuse } from '@bcl/kernel';
import { BodyEvent, BodyKind, BodyState } from './body';

export interface EstablishBody {
  bodyId: string;
  name: string;
  kind: BodyKind;
  areaId: string | null;
  establishedOn: CalendarDate;
}

export function establishBody(
  state: BodyState | undefined,
  command: EstablishBody,
  facts: { areaExists: boolean },
): BodyEvent[] {
  if (state) refuse('conflict', 'bodyId', `body '${command.bodyId}' is already established`);
  if (!isCalendarDate(command.establishedOn))
    refuse('invalid', 'establishedOn', 'must be a real date written YYYY-MM-DD');
  if (command.areaId !== null && !facts.areaExists)
    refuse('not-found', 'areaId', `HWB area '${command.areaId}' is not in the registry`);
  return [{ type: 'DecisionBodyEstablished', data: { ...command } }];
}
