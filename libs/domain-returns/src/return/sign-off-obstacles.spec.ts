import { issue, play, submittedQ1 } from './lifecycle-fixtures';
import { ALREADY_SUBMITTED, signOffObstacles } from './sign-off-obstacles';

describe('signOffObstacles', () => {
  const blocking = [{ checkId: 'Q6:conditions.1', message: 'explain a condition not met' }];

  it('is none for an issued return with no blocking failure, each blocking failure otherwise', () => {
    const { state } = play(issue(1));
    expect(signOffObstacles(state, [])).toEqual([]);
    expect(signOffObstacles(state, blocking)).toEqual(blocking);
  });

  it('names a submission first', () => {
    const obstacles = signOffObstacles(submittedQ1().state, blocking);
    expect(obstacles.map((o) => o.checkId)).toEqual([ALREADY_SUBMITTED, 'Q6:conditions.1']);
    expect(obstacles[0]!.message).toMatch(
      /version 2 was submitted at 2016-08-20T10:00:00Z: a submitted return never changes/,
    );
  });
});
