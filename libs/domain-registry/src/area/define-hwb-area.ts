import { CalendarDate, refuse } from '@bcl/kernel';
import { AreaStructure, HwbAreaEvent, HwbAreaState } from './hwb-area';

export interface DefineHwbArea {
  areaId: string;
  name: string;
  structure: AreaStructure;
  establishedOn: CalendarDate;
}

export function defineHwbArea(state: HwbAreaState | undefined, command: DefineHwbArea): HwbAreaEvent[] {
  if (state) refuse('conflict', 'areaId', `area '${command.areaId}' is already defined`);
  return [{ type: 'HwbAreaDefined', data: { ...command } }];
}
