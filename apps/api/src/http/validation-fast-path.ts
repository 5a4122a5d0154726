import { ArgumentMetadata, Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, matches } from 'class-validator';

type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

/**
 * Where the strict validation pipe can tell, without running class-validator, that its full run would pass:
 * then the answer is the same instance that run would return (`plainToInstance(metatype, value)`, as Nest's
 * ValidationPipe builds it). class-validator costs about 100 µs a call here (it searches every DTO class's
 * metadata on each call), paid twice on most reads (path and query); these two cases are most requests:
 *
 * - an empty object (a read without query parameters) for a class that has already passed one empty object:
 *   validating an empty object has no input, so its first outcome is every later one's;
 * - path parameters whose class checks nothing but patterns (`IdParam`, `MemberParams`, `ReturnParams`): the
 *   value holds exactly the class's properties, each a string its pattern matches (class-validator's own
 *   `matches`).
 *
 * Anything else, and any value these checks do not pass, goes through the full run, which gives the error.
 */
export class ValidationFastPath {
  /** Classes an empty object has passed. */
  private readonly emptyPasses = new WeakSet<object>();
  /** Per class: its properties' patterns when it checks nothing else, or null. */
  private readonly patterns = new WeakMap<object, Map<string, RegExp> | null>();

  /** The value the full run would return, or undefined when only the full run can tell. */
  answer(value: unknown, metadata: ArgumentMetadata): object | undefined {
    const metatype = metadata.metatype;
    if (!VALIDATED.has(metadata.type) || !isDtoClass(metatype) || !isPlainObject(value)) return undefined;
    const keys = Reflect.ownKeys(value);
    if (keys.length === 0) return this.emptyPasses.has(metatype) ? instanceOf(metatype, value) : undefined;
    if (metadata.type !== 'param') return undefined;
    const patterns = this.patternsOf(metatype);
    if (!patterns || keys.length !== patterns.size) return undefined;
    for (const key of keys) {
      const pattern = typeof key === 'string' ? patterns.get(key) : undefined;
      // class-validator's own check: a string its pattern matches
      const given = (value as Record<string, unknown>)[key as string] as string;
      if (!pattern || !matches(given, pattern)) return undefined; // (validator.js ignores modifiers given a RegExp)
    }
    return instanceOf(metatype, value);
  }

  /** Whether `value` is an empty object, as `answer` counts it (before the full run, which may strip keys). */
  isEmptyObject(value: unknown): boolean {
    return isPlainObject(value) && Reflect.ownKeys(value).length === 0;
  }

  /** Called once the full run has passed an empty object. */
  emptyPassed(metadata: ArgumentMetadata): void {
    if (VALIDATED.has(metadata.type) && isDtoClass(metadata.metatype))
      this.emptyPasses.add(metadata.metatype);
  }

  private patternsOf(metatype: Type<unknown>): Map<string, RegExp> | null {
    let patterns = this.patterns.get(metatype);
    if (patterns === undefined) {
      patterns = onlyPatterns(
        getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false, undefined),
      );
      this.patterns.set(metatype, patterns);
    }
    return patterns;
  }
}

/** The class's property patterns when every rule it has is one ungrouped, unconditional `@Matches`. */
function onlyPatterns(rules: ValidationMetadata[]): Map<string, RegExp> | null {
  const patterns = new Map<string, RegExp>();
  for (const rule of rules) {
    const [pattern, modifiers] = (rule.constraints ?? []) as unknown[];
    const plainMatches =
      rule.type === 'customValidation' &&
      rule.name === 'matches' &&
      !rule.each &&
      rule.always === undefined &&
      (rule.groups ?? []).length === 0 &&
      pattern instanceof RegExp &&
      (modifiers === undefined || typeof modifiers === 'string') &&
      !patterns.has(rule.propertyName);
    if (!plainMatches) return null;
    patterns.set(rule.propertyName, pattern);
  }
  return patterns.size > 0 ? patterns : null;
}

/** The arguments Nest's ValidationPipe validates (not custom decorators' values, which it passes as they are). */
const VALIDATED = new Set<ArgumentMetadata['type']>(['body', 'query', 'param']);
/** The instance Nest's ValidationPipe returns for a value that passes (its transformOptions are none here). */
const instanceOf = (metatype: Type<unknown>, value: object): object =>
  plainToInstance(metatype, value) as object;

const BUILT_IN = new Set<unknown>([String, Boolean, Number, Array, Object, Buffer, Date]);

function isDtoClass(metatype: unknown): metatype is Type<unknown> {
  return typeof metatype === 'function' && !BUILT_IN.has(metatype);
}

/** An object as a JSON body, query string or path gives it: prototype Object.prototype or none. */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
