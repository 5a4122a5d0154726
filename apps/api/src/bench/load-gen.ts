import { Agent, request } from 'node:http';

/**
 * The API bench's load generator, run in its own process so its CPU is not the server's: `clients` keep-alive
 * connections send `requests` requests in all, as fast as each answer comes back, and it prints one JSON line
 * (requests/s, p50/p99 latency in ms). Every request body is serialised before the clock starts.
 * Usage: node load-gen.js '<LoadSpec as JSON>'
 */
export interface LoadSpec {
  base: string;
  authorization: string;
  clients: number;
  requests: number;
  /** POST /api/people with a new person numbered from `from`, or GET `path` (`{i}` is the request's number). */
  write: boolean;
  path: string;
  from: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function personBody(i: number): string {
  return JSON.stringify({ personId: `bench-${i}`, displayName: `Bench Person ${i}`, reason: 'benchmark' });
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.base);
  const agent = new Agent({ keepAlive: true, maxSockets: spec.clients });
  const bodies = Array.from({ length: spec.requests }, (_, i) =>
    spec.write ? Buffer.from(personBody(spec.from + i)) : undefined,
  );
  const paths = Array.from({ length: spec.requests }, (_, i) =>
    spec.path.replace('{i}', String(spec.from + i)),
  );
  const latencies = new Float64Array(spec.requests);
  const once = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const body = bodies[i];
      const started = process.hrtime.bigint();
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: paths[i],
          method: body ? 'POST' : 'GET',
          agent,
          headers: {
            authorization: spec.authorization,
            ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            latencies[i] = Number(process.hrtime.bigint() - started) / 1e6;
            if ((res.statusCode ?? 500) >= 300)
              reject(new Error(`${paths[i]}: ${res.statusCode} ${Buffer.concat(chunks).toString()}`));
            else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: spec.clients }, async () => {
      while (next < spec.requests) await once(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
  return {
    requests: spec.requests,
    seconds,
    requestsPerSecond: Math.round(spec.requests / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

if (require.main === module) {
  run(JSON.parse(process.argv[2] ?? '{}') as LoadSpec)
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: Error) => {
      process.stderr.write(`load-gen: ${error.message}\n`);
      process.exit(1);
    });
}
