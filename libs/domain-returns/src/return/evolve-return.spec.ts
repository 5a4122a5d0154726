import { evolveReturn, foldReturn } from './evolve-return';
import { enter, issue, play, returnIdFor } from './lifecycle-fixtures';
import { ReturnEvent } from './quarterly-return';

const validated = (version: number, passed: boolean): ReturnEvent => ({
  type: 'ReturnValidated',
  data: { returnId: returnIdFor(1), version, passed, sections: [{ section: 'cover', passed, failing: [] }] },
});

describe('evolveReturn', () => {
  it('counts the revision as the events folded − 1 and the version as the last entry made it', () => {
    const { events } = play(issue(1), enter({ 'cover.email': 'a@b.uk' }), enter({ 'cover.email': 'c@d.uk' }));
    const state = foldReturn([...events, validated(3, true)])!;
    expect(state).toMatchObject({ revision: 3, version: 3, status: 'validated', validation: { version: 3 } });
  });

  it('keeps a validation only for the version it ran on: one of an earlier version changes nothing but the revision', () => {
    const { events, state } = play(issue(1), enter({ 'cover.email': 'a@b.uk' }));
    const after = evolveReturn(state, validated(1, false));
    expect(after).toEqual({ ...state, revision: state.revision + 1 });
    expect(foldReturn(events)!.validation).toBeNull();
  });

  it('is undefined for no events, and refuses (as a bug) an event before the issue or a second issue', () => {
    expect(foldReturn([])).toBeUndefined();
    expect(() => evolveReturn(undefined, validated(1, true))).toThrow(/invariant violated/);
    const { events, state } = play(issue(1));
    expect(() => evolveReturn(state, events[0]!)).toThrow(/invariant violated/);
  });
});
