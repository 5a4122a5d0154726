import { ViewKey, change, defineProjection, viewKeyOf } from '@bcl/kernel';
import { Deadline, ReturnEvent, ReturnStatus } from '../return/quarterly-return';

/** A return's summary, kept live: what a list of returns shows (the cells are read from the stream). */
export interface ReturnSummaryView {
  returnId: string;
  areaId: string;
  financialYear: string;
  quarter: number;
  templateVersion: string;
  status: ReturnStatus;
  version: number;
  deadline: Deadline;
  /** null until submitted. */
  submittedAt: string | null;
  /** Submitted after the deadline (Q2); false until submitted. */
  late: boolean;
  /** When the last event of the return was recorded. */
  lastChangedAt: string;
  /** The stream's revision of that event: the view's ETag. */
  revision: number;
}

/** The returns issued for an area, in issue order. */
export interface AreaReturnsView {
  areaId: string;
  returnIds: string[];
}

export type ReturnsView = ReturnSummaryView | AreaReturnsView;

/** The returns projection's keys: one summary per return, one index per area. */
export const returnsKey = {
  summary: (returnId: string): ViewKey<ReturnSummaryView> => viewKeyOf(`return/${returnId}`),
  area: (areaId: string): ViewKey<AreaReturnsView> => viewKeyOf(`area/${areaId}`),
};

const summaryOf = (event: { data: { returnId: string } }) => returnsKey.summary(event.data.returnId);

/** The summary after one event: its status, version and when it last changed. */
const touched = (
  before: ReturnSummaryView,
  event: { revision: number; recordedAt: string },
  changes: Partial<ReturnSummaryView>,
): ReturnSummaryView => ({
  ...before,
  ...changes,
  lastChangedAt: event.recordedAt,
  revision: event.revision,
});

/** Each return's summary and each area's list of returns, from the returns' events. */
export const returnsProjection = defineProjection<ReturnEvent, ReturnsView>({
  name: 'returns',
  version: 1,
  handlers: {
    ReturnIssued: {
      reads: (event) => [returnsKey.area(event.data.areaId)],
      apply(event, load) {
        const { returnId, areaId, financialYear, quarter, templateVersion, deadline } = event.data;
        const area = load(returnsKey.area(areaId)) ?? { areaId, returnIds: [] };
        return [
          change(returnsKey.summary(returnId), {
            returnId,
            areaId,
            financialYear,
            quarter,
            templateVersion,
            status: 'issued',
            version: 1,
            deadline,
            submittedAt: null,
            late: false,
            lastChangedAt: event.recordedAt,
            revision: event.revision,
          }),
          change(returnsKey.area(areaId), {
            areaId,
            returnIds: area.returnIds.includes(returnId) ? area.returnIds : [...area.returnIds, returnId],
          }),
        ];
      },
    },
    ReturnFieldsEntered: {
      reads: (event) => [summaryOf(event)],
      apply: (event, load) => [
        change(
          summaryOf(event),
          touched(load(summaryOf(event))!, event, { status: 'in-completion', version: event.data.version }),
        ),
      ],
    },
    PriorQuarterAmended: {
      reads: (event) => [summaryOf(event)],
      apply: (event, load) => [
        change(
          summaryOf(event),
          touched(load(summaryOf(event))!, event, { status: 'in-completion', version: event.data.version }),
        ),
      ],
    },
    ReturnValidated: {
      reads: (event) => [summaryOf(event)],
      apply(event, load) {
        const before = load(summaryOf(event))!;
        const current = event.data.version === before.version;
        const status = current ? (event.data.passed ? 'validated' : 'validation-failed') : before.status;
        return [change(summaryOf(event), touched(before, event, { status }))];
      },
    },
    ReturnSubmitted: {
      reads: (event) => [summaryOf(event)],
      apply: (event, load) => [
        change(
          summaryOf(event),
          touched(load(summaryOf(event))!, event, {
            status: 'submitted',
            submittedAt: event.data.submittedAt,
            late: event.data.late,
          }),
        ),
      ],
    },
  },
});
