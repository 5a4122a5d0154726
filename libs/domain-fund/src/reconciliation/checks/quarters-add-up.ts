import { QUARTERS } from '@bcl/kernel';
import { Finding, finding, sourceOf } from '../finding';
import { ReconciliationInput, statedFigure } from '../reconciliation-input';
import { StatedFigure } from '../../ledger/pooled-fund';

const BASES = ['plan', 'forecast', 'actual'] as const;
const LINES = ['income', 'expenditure'] as const;

/** A basis and line whose four quarters are all stated, with their sum. */
interface QuarterSum {
  basis: (typeof BASES)[number];
  line: (typeof LINES)[number];
  computed: { amountPence: number; from: string };
  quarterIds: string[];
}

const sourcesOf = (stated: StatedFigure, quarterIds: string[]) => ({
  figures: [
    { figureId: stated.figureId, side: 'stated' as const },
    ...quarterIds.map((figureId) => ({ figureId, side: 'computed' as const })),
  ],
  ledger: null,
});

/** annual-equals-quarters: the stated annual figure against the sum of its four stated quarters. */
function annualEqualsQuarters(
  { figures }: ReconciliationInput,
  { basis, line, computed, quarterIds }: QuarterSum,
) {
  const annual = statedFigure(figures, basis, line, 'pool', null);
  if (!annual) return [];
  const stated = { amountPence: annual.amountPence, source: sourceOf(annual.statedBy) };
  return [
    finding(
      'annual-equals-quarters',
      `${basis} ${line}`,
      null,
      stated,
      computed,
      sourcesOf(annual, quarterIds),
    ),
  ];
}

/** year-equals-pooled-fund: the stated pooled fund against the sum of the four stated quarters. */
function yearEqualsPooledFund(
  { pooled }: ReconciliationInput,
  { basis, line, computed, quarterIds }: QuarterSum,
) {
  if (!pooled) return [];
  const stated = { amountPence: pooled.amountPence, source: sourceOf(pooled.statedBy) };
  return [
    finding(
      'year-equals-pooled-fund',
      `${basis} ${line}`,
      null,
      stated,
      computed,
      sourcesOf(pooled, quarterIds),
    ),
  ];
}

/** For each basis and line stated in all four quarters: both checks of the quarters' sum, in that order. */
export function quartersAddUp(input: ReconciliationInput): Finding[] {
  return BASES.flatMap((basis) =>
    LINES.flatMap((line) => {
      const quarters = QUARTERS.map((q) => statedFigure(input.figures, basis, line, 'pool', q));
      if (quarters.some((q) => q === undefined)) return [];
      const sum: QuarterSum = {
        basis,
        line,
        computed: {
          amountPence: quarters.reduce((s, q) => s + q!.amountPence, 0),
          from: `Q1-Q4 ${basis} ${line}`,
        },
        quarterIds: quarters.map((q) => q!.figureId),
      };
      return [...annualEqualsQuarters(input, sum), ...yearEqualsPooledFund(input, sum)];
    }),
  );
}
