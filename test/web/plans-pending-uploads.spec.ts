import { PendingUploads } from '../../apps/web/src/features/plans/pending-uploads';

const document = {
  planId: 'kent-2017-19',
  areaId: 'kent',
  cycle: '2017-19',
  content: {},
  justification: 'x',
};
const upload = (subject: string) => ({
  subject,
  fileName: 'plan.json',
  document,
  effectiveOn: null,
  revision: 3,
});

describe('uploads held between the preview and the confirmation of the plan upload form', () => {
  let now = 0;
  const uploads = () => new PendingUploads({ secondsMax: 60, entriesMax: 2, bytesMax: 100 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('gives the upload back to the person who uploaded it, with the hash of the bytes, and to no one else', () => {
    const held = uploads();
    const upload1 = held.hold(upload('alice'), Buffer.from('abc'));
    expect(upload1.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(held.find(upload1.uploadId, 'alice')?.revision).toBe(3);
    expect(held.find(upload1.uploadId, 'bob')).toBeUndefined();
    expect(held.find('not-an-id', 'alice')).toBeUndefined();
    expect(held.find(undefined, 'alice')).toBeUndefined();
  });

  it('forgets an upload once it expires or is confirmed', () => {
    const held = uploads();
    const first = held.hold(upload('alice'), Buffer.from('a'));
    const second = held.hold(upload('alice'), Buffer.from('b'));
    held.forget(second.uploadId);
    expect(held.find(second.uploadId, 'alice')).toBeUndefined();
    now += 59_999;
    expect(held.find(first.uploadId, 'alice')).toBeDefined();
    now += 1;
    expect(held.find(first.uploadId, 'alice')).toBeUndefined();
  });

  it('drops the oldest uploads beyond the count and the bytes it may hold', () => {
    const held = uploads();
    const first = held.hold(upload('alice'), Buffer.alloc(10));
    const second = held.hold(upload('alice'), Buffer.alloc(10));
    const third = held.hold(upload('alice'), Buffer.alloc(10));
    expect(held.find(first.uploadId, 'alice')).toBeUndefined();
    expect(held.find(second.uploadId, 'alice')).toBeDefined();
    const large = held.hold(upload('alice'), Buffer.alloc(95));
    expect(held.find(second.uploadId, 'alice')).toBeUndefined();
    expect(held.find(third.uploadId, 'alice')).toBeUndefined();
    expect(held.find(large.uploadId, 'alice')).toBeDefined();
  });
});
