import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey, keyringOf, keyringToJson } from '@bcl/event-store';

/**
 * Writes `checkpoint.key`, `service.key` and `keyring.json` (both keys) into `dir`. The service key is not yet in
 * use (from 2999): the demo data are written unsigned, before it (a key in use earlier would make their unsigned
 * events breaks, and a log that does not verify is refused).
 */
export function writeCheckpointAndServiceKeys(dir: string): void {
  const checkpointKey = generateSigningKey(
    'checkpoint',
    'checkpoint writer (test)',
    '2026-01-01T00:00:00.000Z',
  );
  const serviceKey = generateSigningKey('service', 'api (test)', '2999-01-01T00:00:00.000Z');
  writeFileSync(join(dir, 'checkpoint.key'), checkpointKey.keyFile);
  writeFileSync(join(dir, 'service.key'), serviceKey.keyFile);
  writeFileSync(join(dir, 'keyring.json'), keyringToJson(keyringOf([checkpointKey.entry, serviceKey.entry])));
}
