import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FinancialYear } from '@bcl/kernel';
import {
  AddAreaMember,
  AppointPostHolder,
  CreatePost,
  DefineHwbArea,
  RecordSuccession,
  RegisterOrganisation,
  RenameOrganisation,
} from '@bcl/domain-registry';
import {
  AssignSeat,
  Attendance,
  Declarations,
  EstablishBody,
  GrantedDelegation,
  PassResolution,
  RecordApproval,
  RecordMeeting,
} from '@bcl/domain-governance';
import { AgreementTerms, PostTransaction, StatedFigure } from '@bcl/domain-fund';

/**
 * The demo data (the repository's top-level `demo/` folder) as steps: one command each, with the input it
 * takes, the reason the event records, the date the fact took effect, and the sources it cites (and, where the
 * seeds are silent, what was assumed). `key` is the step's idempotency key: the event ids derive from it, so a
 * recorded step keeps its key for ever and a restart writes nothing twice.
 */
export interface DemoInputs {
  RegisterOrganisation: RegisterOrganisation;
  RenameOrganisation: RenameOrganisation;
  RecordSuccession: RecordSuccession;
  DefineHwbArea: DefineHwbArea;
  AddAreaMember: AddAreaMember;
  RegisterPerson: { personId: string; displayName: string };
  CreatePost: CreatePost;
  AppointPostHolder: AppointPostHolder;
  EstablishBody: EstablishBody;
  AssignSeat: AssignSeat;
  RecordMeeting: RecordMeeting;
  RecordAttendance: Attendance & { meetingId: string };
  DeclareInterests: Declarations & { meetingId: string };
  PassResolution: PassResolution;
  GrantDelegation: GrantedDelegation;
  RecordApproval: RecordApproval;
  ReportBack: { delegationId: string; meetingId: string; resolutionId: string | null };
  RecordAgreement: {
    agreementId: string;
    areaId: string;
    variationId: string;
    effectiveOn: string;
    terms: AgreementTerms;
    summary: string | null;
  };
  OpenPoolYear: { poolId: string; year: FinancialYear; agreementId: string };
  PostFundTransaction: { poolId: string; year: FinancialYear; transaction: PostTransaction };
  RecordFundEntry: { poolId: string; year: FinancialYear; entry: { kind: 'figure'; figure: StatedFigure } };
  /** `file` is relative to the demo folder. */
  ImportPlan: { file: string; format: 'json' };
  AcceptPlanWarning: { planId: string; checkId: string };
  IssueReturn: { areaId: string; financialYear: FinancialYear; quarter: 1 | 2 | 3 | 4 };
  /** `file` is relative to the demo folder: a return's values (`demo/returns/<returnId>.json`). */
  EnterReturnValues: { returnId: string; file: string };
  ValidateReturn: { returnId: string };
  SubmitReturn: {
    returnId: string;
    submittedAt: string;
    channel: string;
    fileName: string;
    approvalId: string | null;
  };
}

export type DemoCommand = keyof DemoInputs;

export type DemoStep<C extends DemoCommand = DemoCommand> = {
  [K in C]: {
    key: string;
    command: K;
    input: DemoInputs[K];
    reason: string;
    effectiveOn: string | null;
    citations: string[];
    assumed?: string;
  };
}[C];

/** The input fields each command takes, all required (null where a fact is absent). */
const INPUT_FIELDS: { [K in DemoCommand]: (keyof DemoInputs[K])[] } = {
  RegisterOrganisation: ['organisationId', 'kind', 'name', 'establishedOn', 'parentOrganisationId', 'codes'],
  RenameOrganisation: ['organisationId', 'name', 'effectiveFrom'],
  RecordSuccession: ['organisationId', 'successorId', 'effectiveOn'],
  DefineHwbArea: ['areaId', 'name', 'structure', 'establishedOn'],
  AddAreaMember: ['areaId', 'organisationId', 'role', 'from'],
  RegisterPerson: ['personId', 'displayName'],
  CreatePost: ['postId', 'title', 'organisationId', 'createdOn'],
  AppointPostHolder: ['postId', 'personId', 'from', 'until', 'interim'],
  EstablishBody: ['bodyId', 'name', 'kind', 'areaId', 'establishedOn'],
  AssignSeat: ['bodyId', 'postId', 'role', 'from'],
  RecordMeeting: ['meetingId', 'bodyId', 'date', 'venue', 'agenda'],
  RecordAttendance: ['meetingId', 'present', 'apologies', 'inAttendance'],
  DeclareInterests: ['meetingId', 'noneDeclared', 'declarations'],
  PassResolution: [
    'resolutionId',
    'meetingId',
    'minuteNo',
    'itemNo',
    'parts',
    'outcome',
    'reportsConsidered',
    'concerns',
    'authorises',
    'approvesMinutesOf',
  ],
  GrantDelegation: [
    'delegationId',
    'grantingBodyId',
    'resolutionId',
    'purpose',
    'delegates',
    'consultees',
    'scope',
    'validFrom',
    'validUntil',
    'parentDelegationId',
    'reportBack',
  ],
  RecordApproval: [
    'approvalId',
    'instrument',
    'actorPersonId',
    'actingPostId',
    'authority',
    'effectiveOn',
    'amountPence',
    'provisionalConditions',
  ],
  ReportBack: ['delegationId', 'meetingId', 'resolutionId'],
  RecordAgreement: ['agreementId', 'areaId', 'variationId', 'effectiveOn', 'terms', 'summary'],
  OpenPoolYear: ['poolId', 'year', 'agreementId'],
  PostFundTransaction: ['poolId', 'year', 'transaction'],
  RecordFundEntry: ['poolId', 'year', 'entry'],
  ImportPlan: ['file', 'format'],
  AcceptPlanWarning: ['planId', 'checkId'],
  IssueReturn: ['areaId', 'financialYear', 'quarter'],
  EnterReturnValues: ['returnId', 'file'],
  ValidateReturn: ['returnId'],
  SubmitReturn: ['returnId', 'submittedAt', 'channel', 'fileName', 'approvalId'],
};

/** The demo files, in the order they load: the registry first, then the plans, governance and the pooled funds. */
export const DEMO_FILES = [
  'registry.json',
  'plans.json',
  'governance.json',
  'fund.json',
  'returns.json',
] as const;
/** A demo file. */
export type DemoFile = (typeof DEMO_FILES)[number];

/** A demo file that cannot be read as steps; the message names the file and the step. */
export class DemoDataError extends Error {
  override name = 'DemoDataError';
}

/** The repository's `demo/` folder, found above this module (from the sources, or from the build in dist/). */
export function demoDirectory(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'demo', 'registry.json'))) return join(dir, 'demo');
  throw new DemoDataError(`cannot find demo/registry.json above ${from}`);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a step is not a valid step, or null when it is. */
function stepProblem(step: unknown): string | null {
  if (!isObject(step)) return 'is not an object';
  const { key, command, input, reason, effectiveOn, citations, assumed, ...rest } = step;
  const extra = Object.keys(rest);
  if (extra.length > 0) return `has unknown field(s) ${extra.join(', ')}`;
  if (typeof key !== 'string' || key === '') return 'needs a key (a non-empty string)';
  if (typeof command !== 'string' || !Object.hasOwn(INPUT_FIELDS, command))
    return `names an unknown command ${JSON.stringify(command)}`;
  if (typeof reason !== 'string' || reason.trim() === '') return 'needs a reason (a non-empty string)';
  if (effectiveOn !== null && !(typeof effectiveOn === 'string' && DATE.test(effectiveOn)))
    return 'needs effectiveOn: a date (YYYY-MM-DD) or null';
  if (!Array.isArray(citations) || citations.some((c) => typeof c !== 'string' || !c))
    return 'needs citations: a list of sources';
  if (citations.some((c) => /^public record$/i.test(c.trim())))
    return 'cites "public record", which names no document and place: cite one, or say in assumed what stands in';
  if (assumed !== undefined && (typeof assumed !== 'string' || assumed === ''))
    return 'has an empty assumed note (leave it out when nothing is assumed)';
  if (citations.length === 0 && assumed === undefined)
    return 'needs citations: a non-empty list of sources, or an assumed note saying what stands in';
  if (!isObject(input)) return 'needs an input object';
  const fields: string[] = INPUT_FIELDS[command as DemoCommand];
  const missing = fields.filter((field) => !Object.hasOwn(input, field));
  if (missing.length > 0) return `input lacks ${missing.join(', ')}`;
  const unknown = Object.keys(input).filter((field) => !fields.includes(field));
  if (unknown.length > 0) return `input has unknown field(s) ${unknown.join(', ')}`;
  return null;
}

/** Reads and checks one demo file: a bad file is refused whole, naming the file and the first bad step. */
export function readDemoFile(file: DemoFile, directory = demoDirectory()): DemoStep[] {
  const name = `demo/${file}`;
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(join(directory, file), 'utf8'));
  } catch (error) {
    throw new DemoDataError(`${name}: ${(error as Error).message}`);
  }
  if (!isObject(content) || !Array.isArray(content.steps))
    throw new DemoDataError(`${name}: expected an object with a "steps" list`);
  for (const [index, step] of content.steps.entries()) {
    const problem = stepProblem(step);
    if (problem) {
      const command = isObject(step) && typeof step.command === 'string' ? ` (${step.command})` : '';
      throw new DemoDataError(`${name} step ${index}${command} ${problem}`);
    }
  }
  return content.steps as DemoStep[];
}

/** Every demo step in load order; keys must be unique across the files. */
export function readDemoData(directory = demoDirectory()): { file: DemoFile; steps: DemoStep[] }[] {
  const seen = new Map<string, string>();
  return DEMO_FILES.map((file) => {
    const steps = readDemoFile(file, directory);
    for (const [index, step] of steps.entries()) {
      const where = `demo/${file} step ${index} (${step.command})`;
      const earlier = seen.get(step.key);
      if (earlier) throw new DemoDataError(`${where} repeats the key ${step.key} of ${earlier}`);
      seen.set(step.key, where);
    }
    return { file, steps };
  });
}

/** The steps of one command, typed by it (for the fixture specs). */
export const stepsOf = <C extends DemoCommand>(
  steps: DemoStep[],
  command: C,
): Extract<DemoStep, { command: C }>[] =>
  steps.filter((step): step is Extract<DemoStep, { command: C }> => step.command === command);
