import {
  CALENDAR_DATE_RULE,
  ID_PATTERN,
  TEXT_LIMITS,
  isCalendarDate,
  normaliseText,
  textProblem,
} from '@bcl/kernel';
import { ErrorSummaryItem } from '../../forms/page-form';

/**
 * A form's fields validated as the API's DTOs validate them (class-validator there; the same rules, words and
 * limits here, from the kernel): each problem names the field as the API would, so the summary reads alike.
 */
export class FormFields {
  readonly problems: { field: string; reason: string }[] = [];

  constructor(private readonly body: Record<string, unknown>) {}

  /** The submitted text, trimmed ('' when absent); a textarea's line breaks (CR LF, as browsers send them) as LF. */
  raw(name: string): string {
    const value = this.body[name];
    return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
  }

  private refuse(field: string, reason: string): undefined {
    this.problems.push({ field, reason });
    return undefined;
  }

  id(name: string, field = name): string | undefined {
    const value = this.raw(name);
    if (value === '') return this.refuse(field, 'is required');
    if (!ID_PATTERN.test(value))
      return this.refuse(
        field,
        `must be lower-case letters, digits and hyphens, at most ${TEXT_LIMITS.idLengthMax} characters`,
      );
    return value;
  }

  optionalId(name: string, field = name): string | null | undefined {
    return this.raw(name) === '' ? null : this.id(name, field);
  }

  date(name: string, field = name): string | undefined {
    const value = this.raw(name);
    if (value === '') return this.refuse(field, 'is required');
    return isCalendarDate(value) ? value : this.refuse(field, CALENDAR_DATE_RULE);
  }

  version(name: string, field = name): number | undefined {
    const value = this.raw(name);
    if (value === '') return this.refuse(field, 'is required: name the version');
    const version = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(version))
      return this.refuse(field, 'must be a whole number');
    if (version < 1) return this.refuse(field, 'must not be less than 1');
    if (version > 1_000_000) return this.refuse(field, 'must not be greater than 1000000');
    return version;
  }

  /**
   * An amount typed in pounds ("1,234.56", "£1234", "1234.5") as whole pence, read from the text itself: the
   * pounds and the pence are split at the decimal point and joined as digits, never through a floating-point
   * number. Commas must group thousands; at most 2 decimal places (a fraction of a penny is refused).
   */
  optionalPounds(name: string, field = name): number | null | undefined {
    const value = this.raw(name).replace(/^£\s*/, '');
    if (value === '') return null;
    const amount = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(value);
    if (!amount) return this.refuse(field, 'must be in pounds, such as 1,234.56 or 1234');
    const decimals = amount[2] ?? '';
    if (decimals.length > 2) return this.refuse(field, 'must have at most 2 decimal places (whole pence)');
    const digits = `${amount[1]!.replace(/,/g, '')}${decimals.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
    const pence = Number(digits);
    if (!Number.isSafeInteger(pence)) return this.refuse(field, 'is too large');
    return pence;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], field = name): T | undefined {
    const value = this.raw(name);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    return this.refuse(field, `must be one of the following values: ${allowed.join(', ')}`);
  }

  text(name: string, max: number, options: { multiline?: boolean; field?: string } = {}): string | undefined {
    const field = options.field ?? name;
    const value = this.raw(name);
    if (value === '') return this.refuse(field, 'is required');
    const problem = textProblem(value, options);
    if (problem) return this.refuse(field, problem);
    if ([...value].length > max) return this.refuse(field, `must be at most ${max} characters`);
    return normaliseText(value);
  }

  optionalText(name: string, max: number, options: { multiline?: boolean; field?: string } = {}) {
    return this.raw(name) === '' ? null : this.text(name, max, options);
  }

  /** The problems as the GOV.UK error summary, each linked to its input (`inputIds`: field → input id). */
  summary(inputIds: Record<string, string>): {
    errorList: ErrorSummaryItem[];
    fieldErrors: Record<string, string>;
  } {
    const fieldErrors: Record<string, string> = {};
    const errorList = this.problems.map(({ field, reason }) => {
      const id = inputIds[field] ?? Object.values(inputIds)[0] ?? 'main-content';
      fieldErrors[id] ??= `${field}: ${reason}`;
      return { text: `${field}: ${reason}`, href: `#${id}` };
    });
    return { errorList, fieldErrors };
  }
}
