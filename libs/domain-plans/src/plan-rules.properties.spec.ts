import { DomainError } from '@bcl/kernel';
import fc from 'fast-check';
import { PlanEvent, PlanState, recordLifecycleStep, recordPlanDocument } from './index';
import { REFERENCE, AREA, base, fold } from './plan-rules.fixtures';

describe('plan invariants under any sequence of valid commands', () => {
  const amount = fc.integer({ min: 0, max: 1_000_000_00 });
  const document = fc.record({
    contributions: fc.uniqueArray(
      fc.record({
        source: fc.constantFrom('nhs-minimum', 'dfg', 'ibcf'),
        contributorId: fc.constantFrom('kcc', 'ccg-a'),
        y17: amount,
      }),
      { selector: (c) => `${c.source}/${c.contributorId}`, maxLength: 4 },
    ),
    passDown: fc.array(amount, { minLength: 0, maxLength: 2 }),
  });
  const command = fc.oneof(
    document.map((d) => ({ kind: 'document' as const, d })),
    fc
      .constantFrom(...(['jointly-agreed', 'submitted', 'regionally-assured'] as const))
      .map((s) => ({ kind: 'step' as const, s })),
  );

  it('keeps entries unique, money in range and versions rising, and the replayed state equals the live one', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 12 }), (commands) => {
        let live: PlanState | undefined;
        const log: PlanEvent[] = [];
        for (const c of commands) {
          let events: PlanEvent[];
          try {
            events =
              c.kind === 'document'
                ? recordPlanDocument(
                    live,
                    {
                      ...base,
                      replace: true,
                      content: {
                        contributions: c.d.contributions.map((x) => ({
                          key: `${x.source}/${x.contributorId}`,
                          source: x.source,
                          contributorId: x.contributorId,
                          amountsPence: { '2017-18': x.y17 },
                        })),
                        dfgPassDown: c.d.passDown.map((pence, i) => ({
                          key: `d${i}`,
                          districtId: AREA.districtIds[i]!,
                          amountsPence: { '2017-18': pence },
                        })),
                      },
                    },
                    REFERENCE,
                    AREA,
                  )
                : recordLifecycleStep(live, {
                    planId: base.planId,
                    step: c.s,
                    on: '2017-09-11',
                    parties: ['kcc'],
                    delegated: false,
                  });
          } catch (error) {
            if (error instanceof DomainError) continue; // refused: nothing recorded
            throw error;
          }
          const before = live?.version ?? 1;
          live = fold(events, live);
          log.push(...events);
          expect(live.version).toBeGreaterThanOrEqual(before);
          for (const entries of Object.values(live.content)) {
            const keys = (entries as { key: string }[]).map((e) => e.key);
            expect(new Set(keys).size).toBe(keys.length);
          }
          for (const c2 of live.content.contributions)
            for (const pence of Object.values(c2.amountsPence))
              expect(Number.isSafeInteger(pence) && pence >= 0).toBe(true);
        }
        expect(log.length === 0 ? undefined : fold(log)).toEqual(live);
      }),
      { numRuns: 300 },
    );
  });
});
