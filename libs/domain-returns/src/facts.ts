/**
 * The quarterly-returns context's published facts: what other contexts (governance's sign-off) may ask of it.
 */
export type { QuarterlyReturnState, ReturnStatus } from './return/quarterly-return';
export { returnStream } from './return/quarterly-return';
