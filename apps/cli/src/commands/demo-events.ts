import { NewEvent, newEventId } from '@bcl/event-store';
import { cliMetadata } from '../cli-context';

/** Areas and partners from the brief's seed documents; amounts are illustrative, in integer pence. */
const AREAS = [
  {
    area: 'kent',
    council: 'Kent County Council',
    nhs: ['NHS West Kent CCG', 'NHS Swale CCG', 'NHS Dartford, Gravesham and Swanley CCG'],
  },
  { area: 'medway', council: 'Medway Council', nhs: ['NHS Medway CCG'] },
  { area: 'southend-on-sea', council: 'Southend-on-Sea Borough Council', nhs: ['NHS Southend CCG'] },
  { area: 'rutland', council: 'Rutland County Council', nhs: ['NHS East Leicestershire and Rutland CCG'] },
] as const;
const YEARS = ['2016-17', '2017-18', '2018-19'] as const;
const SCHEMES = [
  'Reablement',
  'Integrated Discharge Team',
  'Carers support',
  'Disabled Facilities Grant',
  'Community equipment',
];
const SOURCES = ['nhs-minimum', 'additional-nhs', 'dfg', 'ibcf', 'additional-council'] as const;

/** mulberry32: a small seeded generator, so a demo data set can be made again exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoStream {
  name: string;
  area: (typeof AREAS)[number];
  year: (typeof YEARS)[number];
}

export function demoStreams(count: number): DemoStream[] {
  return Array.from({ length: count }, (_, i) => {
    const area = AREAS[i % AREAS.length]!;
    const year = YEARS[Math.floor(i / AREAS.length) % YEARS.length]!;
    const cycle = Math.floor(i / (AREAS.length * YEARS.length));
    return { name: `pooled-fund-${area.area}-${year}${cycle ? `-${cycle}` : ''}`, area, year };
  });
}

/** One plausible pooled-fund event: a contribution committed or received, or a quarter's spend. */
export function demoEvent(stream: DemoStream, random: () => number): NewEvent {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const amountPence = (Math.floor(random() * 5_000_000) + 1_000) * 100;
  const quarter = 1 + Math.floor(random() * 4);
  const roll = random();
  const partner = roll < 0.5 ? stream.area.council : pick(stream.area.nhs);
  const base = { poolId: `${stream.area.area}-bcf`, financialYear: stream.year };
  const [type, data] =
    roll < 0.3
      ? ['ContributionCommitted', { ...base, partner, source: pick(SOURCES), amountPence }]
      : roll < 0.6
        ? ['ContributionReceived', { ...base, partner, source: pick(SOURCES), amountPence, quarter }]
        : [
            'SpendRecorded',
            {
              ...base,
              scheme: pick(SCHEMES),
              quarter,
              amountPence,
              basis: random() < 0.5 ? 'actual' : 'forecast',
            },
          ];
  return { eventId: newEventId(), type, data, metadata: cliMetadata('demo data') };
}
