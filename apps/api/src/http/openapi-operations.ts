import { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { OpenAPIObject } from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { ROLES, Role } from '@bcl/identity';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '@bcl/application';
import { OPERATION_SUMMARIES } from './openapi-summaries';

/**
 * What the generated OpenAPI document cannot say by itself, added after it is built so no controller repeats
 * it: each operation's summary (openapi-summaries.ts), the roles its @AllowRoles lets in (`x-roles`, and in
 * the description), its bearer security (none on public routes), its error responses as
 * `application/problem+json`, and, in the document's description, how to get a token.
 */

/** Who may call a route, from its @AllowRoles / @PublicRoute metadata. */
export interface RouteAccess {
  public: boolean;
  roles: Role[];
}

/** An operation of the document, with the extension this module adds. */
type Operation = NonNullable<OpenAPIObject['paths'][string]['get']> & { 'x-roles'?: Role[] };

/** Every route handler of the app's controllers, by the operationId the OpenAPI document gives it. */
export function routeAccessByOperationId(app: INestApplication): Map<string, RouteAccess> {
  const reflector = new Reflector();
  const access = new Map<string, RouteAccess>();
  for (const module of app.get(ModulesContainer).values())
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller || Reflect.getMetadata(DECORATORS.API_EXCLUDE_CONTROLLER, controller)) continue;
      for (const [name, handler] of routeHandlers(controller)) {
        const operation = Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as
          { operationId?: string } | undefined;
        // Nest's default operationId, unless the route names its own (OperationId in write-route.ts)
        const operationId = operation?.operationId ?? `${controller.name}_${name}`;
        const targets = [handler, controller];
        access.set(operationId, {
          public: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true,
          roles: [...(reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? [])],
        });
      }
    }
  return access;
}

/** A controller method, as Nest's metadata sees it. */
type RouteHandler = (...args: never[]) => unknown;

/** A controller's route methods (its own and inherited), by name. */
function routeHandlers(controller: Type): [string, RouteHandler][] {
  const handlers = new Map<string, RouteHandler>();
  for (
    let prototype = controller.prototype as object | null;
    prototype && prototype !== Object.prototype;
    prototype = Object.getPrototypeOf(prototype) as object | null
  )
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler: unknown = Object.getOwnPropertyDescriptor(prototype, name)?.value;
      if (name === 'constructor' || handlers.has(name) || typeof handler !== 'function') continue;
      if (Reflect.hasMetadata(METHOD_METADATA, handler)) handlers.set(name, handler as RouteHandler);
    }
  return [...handlers];
}

/** The body of every error answer (RFC 9457), as `ProblemDetailsFilter` writes it. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'An error (RFC 9457). Some problems add members, such as `currentRevision` on a 409 or 412.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', example: '/problems/invalid-request', description: 'The kind of problem' },
    title: { type: 'string', example: 'The request is not valid' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'limit: must not be greater than 200' },
    instance: { type: 'string', example: '/api/posts' },
    correlationId: { type: 'string', description: 'The request id in the logs (X-Correlation-Id)' },
    errors: {
      type: 'array',
      description: 'Each field refused, and why',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: { field: { type: 'string' }, reason: { type: 'string' } },
      },
    },
  },
};

/** The error statuses of every route that needs a token; writes add the refusals of a command. */
const READ_ERRORS: Record<string, string> = {
  '400': 'A path or query parameter, or a header, is malformed, missing or unknown; `errors` names each',
  '401': 'No token, or a token that is not valid or has expired',
  '403': "The token has none of the route's roles",
  '404': 'Not recorded (from the viewpoint asked for)',
  '500': 'A fault, logged with the correlation id',
};
const WRITE_ERRORS: Record<string, string> = {
  ...READ_ERRORS,
  '400':
    'A field of the body, a query parameter or a header is malformed, missing or unknown; `errors` names each',
  '404': 'The resource, or something the command names, is not recorded',
  '409': 'The command contradicts the record, or the resource changed while it was decided',
  '412': '`If-Match` is stale; `currentRevision` says the current revision',
  '413': 'The body is too large',
  '422': 'Well-formed, but breaks a rule; or the `Idempotency-Key` was used for another request',
  '507': 'The disk is full: nothing was recorded; retry when freed',
};

const VERBS: Record<string, string> = {
  get: 'Read',
  post: 'Record',
  patch: 'Change',
  put: 'Replace',
  delete: 'Remove',
};

/** A readable summary for an operation the table lacks (the API docs spec fails until it has one). */
export const fallbackSummary = (method: string, path: string): string =>
  `${VERBS[method] ?? method.toUpperCase()} ${path}`;

/** How to get a token: the first thing Swagger UI shows. */
export function tokenHelp(): string {
  const roles = ROLES.map((role) => `\`${role}\``).join(', ');
  return [
    'Event-sourced ledger for the Better Care Fund. Errors are `application/problem+json` (RFC 9457). See docs/api.md.',
    '',
    '### How to get a token',
    'Every route except the health checks and this documentation needs `Authorization: Bearer <token>`; each operation says which roles may call it ("Roles: …", and `x-roles`).',
    '',
    `- **Development** (no identity provider configured): \`npx bcl token --role auditor\` prints a token signed with the development secret. Roles: ${roles} (several may be given). Add \`--person <person id>\` to record your own approvals and consultations.`,
    "- **Production**: a bearer token from the identity provider the API trusts (`AUTH_ISSUER`, its keys at `AUTH_JWKS_URL`, audience `AUTH_AUDIENCE`, default `better-care-ledger`), carrying the ledger's roles in its `roles` claim (for Entra ID, app roles). See docs/operations.md.",
    '- **Here**: press **Authorize**, paste the token (without `Bearer `), then **Try it out** on any operation sends it.',
  ].join('\n');
}

/**
 * Adds the summaries, roles, security, error responses and token help to the generated document, in place.
 * An operation whose route the app does not have (no metadata) is shown with no roles: deny by default.
 */
export function describeOperations(
  document: OpenAPIObject,
  access: Map<string, RouteAccess>,
  summaries: Readonly<Record<string, string>> = OPERATION_SUMMARIES,
): OpenAPIObject {
  document.info.description = tokenHelp();
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA as never },
  };
  for (const [path, item] of Object.entries(document.paths))
    for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const) {
      const operation: Operation | undefined = item[method];
      if (!operation) continue;
      const route = access.get(operation.operationId ?? '') ?? { public: false, roles: [] };
      operation.summary = summaries[operation.operationId ?? ''] ?? fallbackSummary(method, path);
      if (method === 'get')
        // a read is never replayed by key: the header some controllers declare for their writes is not a read's
        operation.parameters = operation.parameters?.filter(
          (parameter) => !('name' in parameter) || parameter.name !== 'Idempotency-Key',
        );
      if (path === '/health/ready')
        operation.responses['503'] ??= { description: 'Not ready: `reasons` says why, one line each' };
      if (route.public) {
        delete operation.security;
        operation.description = withLine(operation.description, 'No token needed.');
        continue;
      }
      operation.security = [{ bearer: [] }];
      operation['x-roles'] = route.roles;
      operation.description = withLine(
        operation.description,
        `Roles: ${route.roles.length > 0 ? route.roles.join(', ') : 'none (no role may call this route)'}.`,
      );
      addErrors(operation, method === 'get' ? READ_ERRORS : WRITE_ERRORS);
    }
  return document;
}

const withLine = (description: string | undefined, line: string): string =>
  description ? `${description}\n\n${line}` : line;

function addErrors(operation: Operation, errors: Record<string, string>): void {
  for (const [status, description] of Object.entries(errors))
    operation.responses[status] ??= {
      description,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
}
