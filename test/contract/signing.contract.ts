import {
  EventStore,
  InvalidRequestError,
  Keyring,
  Signer,
  generateSigningKey,
  keyringOf,
  signerFromKeyFile,
  verifySignature,
  verifyStore,
} from '@bcl/event-store';
import { newEvent, uniqueStream } from '@bcl/testing';
import type { ContractOptions, ContractStore } from './event-store.contract';

function key(
  role: 'service' | 'operator' = 'service',
  from = '2020-01-01T00:00:00Z',
): { signer: Signer; keyring: Keyring } {
  const { keyFile, entry } = generateSigningKey(role, 'contract test', from);
  return { signer: signerFromKeyFile(keyFile), keyring: keyringOf([entry]) };
}

/** The log after `after`, as stored rows. */
async function rowsAfter(store: EventStore, after: bigint | undefined) {
  const page = await store.readRaw(after, 10_000);
  return page.rows;
}

/**
 * Signing, for every adapter: a store given a signer signs each event's stored record (which names the previous
 * hash) and keeps the key id and the signature beside it; a store without one writes unsigned events. Stores on
 * a shared server hold other tests' events, so the whole-log checks run only on a fresh store; the unsigned writes
 * run first, since a log whose last event is signed refuses them (a real EventStoreDB server therefore serves one
 * run of this suite: the test setup starts a fresh container for each).
 */
export function signingContract(openStore: (options?: ContractOptions) => Promise<ContractStore>): void {
  describe('signatures', () => {
    it('writes unsigned events when it has no signer; with a keyring they count as before signing began', async () => {
      const opened = await openStore();
      try {
        const store = opened.store;
        const before =
          (await store.readRaw(undefined, 1)).rows.length === 0 ? undefined : await lastOf(store);
        await store.append(uniqueStream(), [newEvent(), newEvent()], 'no-stream');
        const rows = await rowsAfter(store, before);
        expect(rows).toHaveLength(2);
        for (const row of rows) expect(row.signature ?? null).toBeNull();
        if (before === undefined) {
          // a key brought into use after these events: they were recorded before signing began
          const { keyring } = key('service', '2999-01-01T00:00:00Z');
          expect(await verifyStore(store, undefined, { keyring: keyring })).toMatchObject({
            ok: true,
            signedEvents: 0,
            unsignedEvents: 2,
            signaturesChecked: true,
          });
          // with a key in use before them, they are unsigned events after signing began
          const early = key().keyring;
          expect((await verifyStore(store, undefined, { keyring: early })).firstBreak).toMatchObject({
            kind: 'unsigned',
            position: rows[0]!.position,
          });
        }
      } finally {
        await opened.dispose();
      }
    });
    it('signs every appended event over its stored record, and the keyring verifies each one', async () => {
      const { signer, keyring } = key();
      const opened = await openStore({ signer });
      try {
        const store = opened.store;
        const before =
          (await store.readRaw(undefined, 1)).rows.length === 0 ? undefined : await lastOf(store);
        const stream = uniqueStream();
        await store.append(stream, [newEvent(), newEvent()], 'no-stream');
        // a group commit: concurrent appends are signed too
        await Promise.all([1, 2, 3].map(() => store.append(uniqueStream(), [newEvent()], 'no-stream')));
        const rows = await rowsAfter(store, before);
        expect(rows).toHaveLength(5);
        for (const row of rows) {
          expect(row.signer).toBe(signer.keyId);
          expect(verifySignature(keyring, row.signer!, row.record, row.signature!)).toBe(true);
          // the signature covers the exact bytes, prevHash included
          // (a first hex digit other than the one there: replacing 'f' by 'f' would change nothing)
          const moved = row.record.replace(/"prevHash":"(.)/, (_all, digit: string) =>
            digit === 'f' ? '"prevHash":"e' : '"prevHash":"f',
          );
          expect(verifySignature(keyring, row.signer!, moved, row.signature!)).toBe(false);
        }
        const [read] = await store.readStream(stream);
        expect(read!.data).toEqual({ amountPence: 1_000 });
        if (before === undefined) {
          expect(await verifyStore(store, undefined, { keyring: keyring })).toMatchObject({
            ok: true,
            signedEvents: 5,
            unsignedEvents: 0,
            signaturesChecked: true,
          });
          expect(await verifyStore(store)).toMatchObject({
            ok: true,
            signedEvents: 5,
            signaturesChecked: false,
          });
          const other = key().keyring;
          expect((await verifyStore(store, undefined, { keyring: other })).firstBreak).toMatchObject({
            kind: 'unknown-key',
            position: rows[0]!.position,
          });
        }
      } finally {
        await opened.dispose();
      }
    });

    it('refuses an unsigned append onto a log whose last event is signed, and records nothing', async () => {
      const { signer } = key();
      const opened = await openStore({ signer });
      try {
        const stream = uniqueStream();
        await opened.store.append(stream, [newEvent()], 'no-stream');
        // another writer on the same log, without a key (an API instance without SIGNING_KEY_FILE)
        const unsigned = await opened.reopen();
        try {
          const end = await lastOf(unsigned);
          const refused = unsigned.append(uniqueStream(), [newEvent()], 'no-stream');
          await expect(refused).rejects.toThrow(InvalidRequestError);
          await expect(refused).rejects.toThrow(/events are signed and this writer has no signing key/);
          await expect(unsigned.append(stream, [newEvent()], 0)).rejects.toThrow(InvalidRequestError);
          expect(await lastOf(unsigned)).toBe(end); // nothing was recorded
          expect(await unsigned.streamRevision(stream)).toBe(0);
        } finally {
          await unsigned.close();
        }
        // the signing writer goes on
        await opened.store.append(stream, [newEvent()], 0);
        expect(await opened.store.streamRevision(stream)).toBe(1);
      } finally {
        await opened.dispose();
      }
    });
  });
}

async function lastOf(store: EventStore): Promise<bigint | undefined> {
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readRaw(after, 10_000);
    after = page.lastPosition;
    if (page.isEnd) return after;
  }
}
