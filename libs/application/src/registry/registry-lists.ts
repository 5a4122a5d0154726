import { ListPeopleHandler } from './list-people';
import { ListPostsHandler } from './list-posts';

/** The registry's list queries for posts and people (issue 14, "API discoverability"). */
export const REGISTRY_LIST_HANDLERS = [ListPostsHandler, ListPeopleHandler];
