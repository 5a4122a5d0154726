/**
 * When a stream's events were recorded, kept run by run (a run: the events of one instant, usually one append),
 * so the events the ledger knew at an instant are found without reading them: while the instants never go back
 * along the stream, those recorded by `knownAt` are its first events, up to a revision found by a binary search.
 */
export class RecordedRuns {
  /** The first revision of each run, and its instant (ISO 8601, as the store recorded it). */
  private readonly firsts: number[] = [];
  private readonly instants: string[] = [];
  private ordered = true;

  /** Adds the stream's next event (revisions in order, from 0). */
  add(revision: number, recordedAt: string): void {
    const last = this.instants[this.instants.length - 1];
    if (last === recordedAt) return;
    if (last !== undefined && recordedAt < last) this.ordered = false;
    this.firsts.push(revision);
    this.instants.push(recordedAt);
  }

  /**
   * The last revision recorded by `knownAt` (-1 when none is) of the events added, the last of which is `head`;
   * undefined when an instant goes back somewhere along the stream, as the events known are then not its first.
   * Compares instants as `knownBy` does (as strings).
   */
  lastKnownAt(knownAt: string, head: number): number | undefined {
    if (!this.ordered) return undefined;
    let known = 0; // how many runs were recorded by knownAt
    let unknown = this.instants.length;
    while (known < unknown) {
      const middle = (known + unknown) >> 1;
      if (this.instants[middle]! <= knownAt) known = middle + 1;
      else unknown = middle;
    }
    if (known === 0) return -1;
    return known < this.firsts.length ? this.firsts[known]! - 1 : head;
  }
}
