import { VerifiableRow } from './chain-verifier';
import { GENESIS_HASH, encodeRecord, hashRecord } from './event-record';

/** How each row of a test chain differs; every default is the plainest event. */
export interface RecordChainOptions {
  firstPosition?: bigint;
  recordedAt?: (i: number) => string;
  metadata?: (i: number) => string;
  data?: (i: number) => string;
  /** Adds columns kept beside row i's record (a signature), given its record. */
  beside?: (i: number, record: string) => Partial<VerifiableRow>;
}

/** `count` well-chained event rows, for the verifier's specs: stream `s`, revisions 0.., positions from 1. */
export function recordChain(count: number, options: RecordChainOptions = {}): VerifiableRow[] {
  const {
    firstPosition = 1n,
    recordedAt = () => '2026-01-01T00:00:00.000Z',
    metadata = () => '{"actor":{"id":"a"},"correlationId":"c"}',
    data = (i) => `{"i":${i}}`,
    beside = () => ({}),
  } = options;
  let prevHash = GENESIS_HASH;
  return Array.from({ length: count }, (_, i) => {
    const record = encodeRecord(
      {
        eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        stream: 's',
        revision: i,
        type: 'T',
        schemaVersion: 1,
        recordedAt: recordedAt(i),
        prevHash,
      },
      metadata(i),
      data(i),
    );
    prevHash = hashRecord(record);
    return { position: firstPosition + BigInt(i), hash: prevHash, record, ...beside(i, record) };
  });
}
