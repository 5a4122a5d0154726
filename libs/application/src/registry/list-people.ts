import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PersonView, viewKey } from '@bcl/domain-registry';
import { Role } from '@bcl/identity';
import { Viewpoint } from '@bcl/kernel';
import { ServiceStore } from '@bcl/service-store';
import { SERVICE_STORE } from '../event-log/event-log.tokens';
import { RegistryViews } from './registry-views';

/**
 * The roles a list of people shows names to. A list is every name in the vault at once, so it goes only to the
 * roles that keep the people register (governance officers register people, admins erase them) and to the
 * auditor, who reads everything; the other roles get pseudonymous ids, and read a name where the record needs it
 * (a post's holder, one person).
 */
export const PERSON_NAME_READERS: readonly Role[] = ['auditor', 'governance-officer', 'admin'];

/** Whether a caller holding these roles may see names in a list of people. */
export const mayReadPersonNames = (roles: readonly Role[]): boolean =>
  roles.some((role) => PERSON_NAME_READERS.includes(role));

export class ListPeopleQuery {
  constructor(
    readonly limit: number,
    readonly after?: string,
    /** Whether to show names (from the vault); without, each person is their pseudonymous id only. */
    readonly withNames = false,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

/** A person in a list: the id always; the name (null once erased) only where names were asked for. */
export interface PersonSummary {
  personId: string;
  erased: boolean;
  displayName?: string | null;
}

/** People in id order, a page at a time, from a viewpoint (who was registered, and erased, as known then). */
@QueryHandler(ListPeopleQuery)
export class ListPeopleHandler implements IQueryHandler<ListPeopleQuery> {
  constructor(
    private readonly views: RegistryViews,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  async execute({
    limit,
    after,
    withNames,
    viewpoint,
  }: ListPeopleQuery): Promise<{ names: 'shown' | 'withheld'; items: PersonSummary[]; next: string | null }> {
    const page = await this.views
      .from(viewpoint)
      .list<PersonView>(viewKey.person(''), limit, after ? viewKey.person(after) : undefined);
    const names = withNames
      ? await this.service.displayNames(
          page.filter((person) => !person.erased).map((person) => person.personId),
        )
      : new Map<string, string | null>();
    const items = page.map(({ personId, erased }) =>
      withNames
        ? { personId, erased, displayName: erased ? null : (names.get(personId) ?? null) }
        : { personId, erased },
    );
    return {
      names: withNames ? 'shown' : 'withheld',
      items,
      next: page.length === limit ? page[page.length - 1]!.personId : null,
    };
  }
}
