import { ConsistencyTemplate, RuleTemplate } from '../../template/return-template';

/** A template rule of one kind, with its data. */
export type RuleOf<K extends RuleTemplate['kind']> = Extract<RuleTemplate, { kind: K }>;

/** A consistency check of one kind, with its data. */
export type ConsistencyOf<K extends ConsistencyTemplate['kind']> = Extract<ConsistencyTemplate, { kind: K }>;
