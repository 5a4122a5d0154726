import { agreementStream, pooledFundStream } from '@bcl/domain-fund';
import {
  approvalsStream,
  bodyStream,
  delegationStream,
  meetingStream,
  resolutionStream,
} from '@bcl/domain-governance';
import { planStream } from '@bcl/domain-plans';
import { hwbAreaStream, organisationStream, personStream, postStream } from '@bcl/domain-registry';
import { returnStream } from '@bcl/domain-returns';

/** The prefix a stream-name function puts before its ids (read off the function, so the two cannot drift). */
function prefixOf(name: (id: string) => string): string {
  const marker = '\u0000';
  const stream = name(marker);
  return stream.slice(0, stream.indexOf(marker));
}

/**
 * The streams each bounded context writes, by name prefix. Their events are decided by the context's rules;
 * a raw write into one (`bcl append`) bypasses them, so it is refused unless the operator insists, with a reason.
 */
export const CONTEXT_STREAM_PREFIXES: ReadonlyArray<{ context: string; prefix: string }> = [
  { context: 'registry', prefix: prefixOf(organisationStream) },
  { context: 'registry', prefix: prefixOf(hwbAreaStream) },
  { context: 'registry', prefix: prefixOf(personStream) },
  { context: 'registry', prefix: prefixOf(postStream) },
  { context: 'governance', prefix: prefixOf(bodyStream) },
  { context: 'governance', prefix: prefixOf(meetingStream) },
  { context: 'governance', prefix: prefixOf(resolutionStream) },
  { context: 'governance', prefix: prefixOf(delegationStream) },
  // approvals-<instrument kind>-<id>: every kind shares the prefix
  { context: 'governance', prefix: approvalsStream({ kind: 'bcf-plan', id: '' }).replace('bcf-plan-', '') },
  { context: 'plans', prefix: prefixOf(planStream) },
  { context: 'fund', prefix: prefixOf(agreementStream) },
  { context: 'fund', prefix: prefixOf((id) => pooledFundStream(id, '2017-18')) },
  { context: 'returns', prefix: prefixOf(returnStream) },
];

/** The bounded context a stream belongs to, or undefined for a stream no context writes. */
export function contextOfStream(stream: string): string | undefined {
  return CONTEXT_STREAM_PREFIXES.find(({ prefix }) => stream.startsWith(prefix))?.context;
}
