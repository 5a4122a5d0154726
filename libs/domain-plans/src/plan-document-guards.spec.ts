import { DomainError } from '@bcl/kernel';
import { refusal } from '@bcl/testing';
import { RemovalNeedsConfirmation, recordLifecycleStep, recordPlanDocument } from './index';
import { AREA, REFERENCE, base, contribution, fold } from './plan-rules.fixtures';

describe('a plan document that says nothing, or that would remove entries', () => {
  it.each(['…', '...', 'TBC', 'tbd', 'TBD.', 'n/a', 'N/A', '-', 'x', 'X', '', '   ', ' \t '])(
    'refuses the placeholder justification %j, naming justification',
    (justification) => {
      expect(
        refusal(() =>
          recordPlanDocument(
            undefined,
            { ...base, justification, content: { contributions: [contribution(100_00)] } },
            REFERENCE,
            AREA,
          ),
        ),
      ).toBe('invalid justification');
    },
  );

  it('accepts a justification that names a document', () => {
    const events = recordPlanDocument(
      undefined,
      { ...base, justification: 'Kent HWB report, 27 January 2016, p. 4', content: {} },
      REFERENCE,
      AREA,
    );
    expect(events.map((e) => e.type)).toEqual(['PlanInitiated']);
  });

  const twoContributions = () =>
    fold(
      recordPlanDocument(
        undefined,
        { ...base, content: { contributions: [contribution(100_00), contribution(50_00, 'dfg', 'kcc')] } },
        REFERENCE,
        AREA,
      ),
    );

  it('refuses a section that would remove entries, naming what it would add, change and remove', () => {
    const signed = fold(
      recordLifecycleStep(twoContributions(), {
        planId: base.planId,
        step: 'jointly-agreed',
        on: '2017-09-11',
        parties: ['kcc'],
        delegated: false,
      }),
      twoContributions(),
    );
    const document = {
      ...base,
      content: { contributions: [contribution(120_00), contribution(7_00, 'ibcf', 'kcc')] },
    };
    let refused: unknown;
    try {
      recordPlanDocument(signed, document, REFERENCE, AREA);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RemovalNeedsConfirmation);
    expect(refused).toBeInstanceOf(DomainError);
    const error = refused as RemovalNeedsConfirmation;
    expect([error.kind, error.field, error.planId]).toEqual(['conflict', 'replace', 'kent-2017-19']);
    expect(error.changes).toEqual([
      {
        section: 'contributions',
        added: ['ibcf/kcc'],
        changed: ['nhs-minimum/ccg-a'],
        removed: ['dfg/kcc'],
      },
    ]);
    expect(error.reason).toMatch(/would remove 1 entry from plan 'kent-2017-19' \(contributions\/dfg\/kcc\)/);

    const replaced = recordPlanDocument(signed, { ...document, replace: true }, REFERENCE, AREA);
    expect(replaced.map((e) => e.type)).toEqual([
      'PlanVersionStarted',
      'PlanEntryAmended',
      'PlanEntryRecorded',
      'PlanEntryRemoved',
    ]);
  });

  it('records additions and changes without removals as before, with no confirmation', () => {
    const events = recordPlanDocument(
      twoContributions(),
      {
        ...base,
        content: {
          contributions: [
            contribution(120_00),
            contribution(50_00, 'dfg', 'kcc'),
            contribution(7_00, 'ibcf', 'kcc'),
          ],
        },
      },
      REFERENCE,
      AREA,
    );
    expect(events.map((e) => e.type)).toEqual(['PlanEntryAmended', 'PlanEntryRecorded']);
  });
});
