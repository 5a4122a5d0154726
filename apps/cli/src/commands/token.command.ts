import { ID_PATTERN } from '@bcl/kernel';
import { Command } from 'commander';
import { ROLES, Role, isRole, signDevelopmentToken } from '@bcl/identity';
import { UsageError } from '../cli-context';
import { cliConfigFromEnv } from '../config';

const TTL_SECONDS_MAX = 7 * 24 * 3600;

export function tokenCommand(): Command {
  return new Command('token')
    .description(
      'print a development bearer token, signed with AUTH_JWT_SECRET or the built-in development secret',
    )
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')}`)
    .option('--subject <id>', 'the token subject (pseudonymous user id)', 'dev-user')
    .option('--name <name>', 'display name claim')
    .option('--org <organisationId>', 'organisation claim (a registry id)')
    .option('--person <personId>', 'person claim: the registry person who acts in a post (approvals)')
    .option('--ttl <seconds>', 'lifetime in seconds', '28800')
    .action(
      async (options: {
        role: string[];
        subject: string;
        name?: string;
        org?: string;
        person?: string;
        ttl: string;
      }) => {
        const unknown = options.role.filter((role) => !isRole(role));
        if (unknown.length > 0)
          throw new UsageError(`--role ${unknown[0]} is not a role; use one of ${ROLES.join(', ')}`);
        const ttlSeconds = Number(options.ttl);
        if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > TTL_SECONDS_MAX)
          throw new UsageError(`--ttl must be a whole number of seconds from 1 to ${TTL_SECONDS_MAX}`);
        if (options.subject.length === 0 || options.subject.length > 200)
          throw new UsageError('--subject must be 1-200 characters');
        if (options.org !== undefined && !ID_PATTERN.test(options.org))
          throw new UsageError('--org must be a registry id: lower-case letters, digits and hyphens');
        if (options.person !== undefined && !ID_PATTERN.test(options.person))
          throw new UsageError('--person must be a registry id: lower-case letters, digits and hyphens');
        const token = await signDevelopmentToken({
          roles: options.role as Role[],
          subject: options.subject,
          displayName: options.name,
          organisationId: options.org,
          personId: options.person,
          secret: cliConfigFromEnv().jwtSecret,
          ttlSeconds,
        });
        process.stdout.write(`${token}\n`);
      },
    );
}
