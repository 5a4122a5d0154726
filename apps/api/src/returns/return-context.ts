import { Injectable } from '@nestjs/common';
import { CalendarDate } from '@bcl/kernel';

/**
 * What governance asks of a quarterly return when it is signed off (instrument kind `quarterly-return`, id =
 * the return id): its current version, and what stops that version being signed off on a date (its blocking
 * checks, or that it is already submitted).
 */
@Injectable()
export class ReturnContext {
  /** The return's current version; a 404 Problem when no such return is recorded. */
  async currentVersion(returnId: string): Promise<number> {
    void returnId;
    throw new Error('not implemented yet (API helper)');
  }

  /** The area the return is for (a chair signs only for their own Board's area). */
  async areaOf(returnId: string): Promise<string | null> {
    void returnId;
    throw new Error('not implemented yet (API helper)');
  }

  async signOffObstacles(
    returnId: string,
    on: CalendarDate,
  ): Promise<{ checkId: string; message: string }[]> {
    void returnId;
    void on;
    throw new Error('not implemented yet (API helper)');
  }
}
