import { ID_PATTERN, memoryViewReader } from '@bcl/kernel';
import { Command } from 'commander';
import {
  INSTRUMENT_KINDS,
  InstrumentKind,
  PostRef,
  governanceProjection,
  instrumentProvenance,
} from '@bcl/domain-governance';
import { registryProjection, viewKey } from '@bcl/domain-registry';
import { planVersionSeenFrom } from '@bcl/domain-plans/facts';
import { loadPlan } from '@bcl/plan-import';
import { replayInMemory } from '@bcl/contexts';
import { ServiceStore } from '@bcl/service-store';
import { GlobalOptions, UsageError, report, withExistingStore } from '../cli-context';
import { serviceStoreSetting } from './projections.command';
import { ViewpointOptions, viewpointOf, withViewpointOptions } from '../viewpoint-options';

type Provenance = Awaited<ReturnType<typeof instrumentProvenance>>;

const who = (post: PostRef) =>
  `${post.title ?? post.postId}: ${post.holder ? `${post.holder.name ?? '(name erased)'} (${post.holder.personId})` : 'vacant'}`;

/** What a fact rests on, in one clause: its citations, or that it is assumed and why (never shown as documented). */
const restsOn = (evidence: { citations: string[]; assumed: string | null } | undefined): string =>
  !evidence
    ? ''
    : evidence.assumed !== null
      ? `; assumed: ${evidence.assumed}${evidence.citations.length ? ` (cites ${evidence.citations.join('; ')})` : ''}`
      : `; cites ${evidence.citations.join('; ')}`;

type ChairAuthority = Extract<Provenance['approvals'][number]['authority'], { kind: 'chair' }>;

/** The chair's standing authority: the chair seat of the Board on the day, its holder, and the Board. */
function chairLines(chair: ChairAuthority): string[] {
  if (!chair.recorded) return [`  under the chair's authority of ${chair.bodyId}: body not recorded`];
  const { body, seat } = chair;
  return [
    `  under the chair's standing authority of ${body.name} (${body.bodyId}), signing on the Board's behalf`,
    seat
      ? `    chair seat held by post ${chair.chair.postId} from ${seat.from}${seat.until ? ` until ${seat.until}` : ''}${restsOn(seat.evidence ?? undefined)}`
      : `    chair seat: post ${chair.chair.postId} did not hold it on the day`,
    `    chair on the day: ${who(chair.chair)}`,
    `    ${body.kind} of ${body.areaId ?? 'no area'}, established ${body.establishedOn}${restsOn(body.evidence)}`,
  ];
}

/**
 * The provenance as lines an auditor reads top to bottom: approval, authority, resolution, meeting, body; or,
 * under the chair's authority (a quarterly return), approval, chair seat, body.
 */
function describe(provenance: Provenance): string {
  const { instrument, currentVersion } = provenance;
  const lines = [
    `${instrument.kind} ${instrument.id}${currentVersion === null ? '' : ` (current version ${currentVersion})`}: ${provenance.approvals.length} approval(s)`,
  ];
  for (const a of provenance.approvals) {
    lines.push(
      `approval ${a.approvalId}${a.version === null ? '' : ` of version ${a.version}`}${a.appliesToCurrentVersion ? '' : ' (does not apply to the current version)'}${a.complete ? '' : ' (awaiting co-signatures)'}${a.provisionalConditions ? ` (provisional: ${a.provisionalConditions})` : ''}`,
      `  signed ${a.effectiveOn} (recorded ${a.recordedAt}) by ${a.signedBy.actor.name ?? '(name erased)'} (${a.signedBy.actor.personId}) as ${a.signedBy.title ?? a.signedBy.postId}${restsOn(a.evidence)}`,
      ...a.consultations.map(
        (c) => `  consulted ${c.on}: ${c.postId}, ${c.person.name ?? c.person.personId}, ${c.response}`,
      ),
    );
    if (a.ratified) lines.push(`  ratified ${a.ratified.on} by resolution ${a.ratified.resolutionId}`);
    if (a.authority.kind === 'chair') {
      lines.push(...chairLines(a.authority));
      continue;
    }
    const steps =
      a.authority.kind === 'delegation'
        ? a.authority.delegations.map((d, depth) => ({ d, grant: d.granted, depth }))
        : [{ d: null, grant: a.authority, depth: 0 }];
    for (const { d, grant, depth } of steps) {
      const indent = '  '.repeat(depth + 1);
      if (d) {
        lines.push(
          `${indent}under delegation ${d.delegationId} (${d.mode} of: ${d.delegates.map(who).join('; ')})`,
          `${indent}  purpose: ${d.purpose}`,
          `${indent}  consultees: ${d.consultees.length === 0 ? 'none' : d.consultees.map(who).join('; ')}`,
        );
        if (d.reportBack)
          lines.push(
            `${indent}  report-back to ${d.reportBack.bodyId}${d.reportBack.by ? ` by ${d.reportBack.by}` : ''}: ${d.reportedBack ? `done ${d.reportedBack.on} (${d.reportedBack.meetingId})${restsOn(d.reportedBack.evidence)}` : 'not recorded'}`,
          );
      } else lines.push(`${indent}under the body's own resolution`);
      if (!grant.recorded) lines.push(`${indent}  resolution ${grant.resolutionId}: not recorded`);
      else
        lines.push(
          `${indent}  resolution ${grant.resolutionId}${grant.resolution.minuteNo ? ` (minute ${grant.resolution.minuteNo})` : ''}, ${grant.resolution.outcome}: ${grant.resolution.parts.map((p) => (p.letter ? `(${p.letter}) ` : '') + p.text).join(' ')}`,
          `${indent}  at the meeting ${grant.meeting.meetingId} of ${grant.meeting.date}${grant.meeting.venue ? `, ${grant.meeting.venue}` : ''}`,
          `${indent}  of ${grant.body.name ?? grant.body.bodyId}; chair ${grant.body.chair ? who(grant.body.chair) : 'not recorded'}`,
        );
    }
  }
  return lines.join('\n');
}

export function whoApprovedCommand(): Command {
  return withViewpointOptions(new Command('who-approved'))
    .description('the provenance of an instrument: approval → delegation → resolution → meeting → body')
    .argument('<kind>', INSTRUMENT_KINDS.join(' | '))
    .argument('<id>', 'the instrument id, e.g. kent-2017-19')
    .option('--service-store <setting>', 'where the names are (default: beside the event store)')
    .action(
      async (
        kind: string,
        id: string,
        options: { serviceStore?: string } & ViewpointOptions,
        command: Command,
      ) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const viewpoint = viewpointOf(options);
        if (!(INSTRUMENT_KINDS as readonly string[]).includes(kind))
          throw new UsageError(`kind: must be one of ${INSTRUMENT_KINDS.join(', ')}`);
        if (!ID_PATTERN.test(id)) throw new UsageError('id: must be lower-case letters, digits and hyphens');
        const provenance = await withExistingStore(globals, async (events) => {
          const [registry, governance] = await replayInMemory(
            events,
            [registryProjection, governanceProjection],
            viewpoint,
          );
          const service = await ServiceStore.open(serviceStoreSetting(globals, options), { mustExist: true });
          try {
            return await instrumentProvenance(
              { kind: kind as InstrumentKind, id },
              {
                governance: memoryViewReader(governance),
                post: (postId) => memoryViewReader(registry).get(viewKey.post(postId)),
                displayName: async (personId) =>
                  (await service.displayNames([personId])).get(personId) ?? null,
                // the plan's version from the same viewpoint as the governance views; a BCF plan not in the log is
                // said, as the API's 404 says it, not shown as "0 approvals" (a mistyped id is not an unapproved plan)
                currentVersion: async (instrument) => {
                  if (instrument.kind !== 'bcf-plan') return null;
                  const plan = (await loadPlan(events, instrument.id)).events;
                  if (plan.length === 0) throw new UsageError(`${instrument.id}: no such plan is recorded`);
                  return planVersionSeenFrom(plan, viewpoint) ?? null;
                },
              },
            );
          } finally {
            await service.close();
          }
        });
        report(globals, provenance, describe(provenance));
      },
    );
}
