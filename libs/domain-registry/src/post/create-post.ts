import { CalendarDate, refuse } from '@bcl/kernel';
import { OrganisationState } from '../organisation/organisation';
import { PostEvent, PostState } from './post';

export interface CreatePost {
  postId: string;
  /** For example "Chair, Kent HWB" or "Accountable Officer, NHS West Kent CCG". */
  title: string;
  organisationId: string;
  createdOn: CalendarDate;
}

export function createPost(
  state: PostState | undefined,
  command: CreatePost,
  organisation: OrganisationState | undefined,
): PostEvent[] {
  if (state) refuse('conflict', 'postId', `post '${command.postId}' already exists`);
  if (!organisation)
    refuse('not-found', 'organisationId', `organisation '${command.organisationId}' is not registered`);
  return [{ type: 'PostCreated', data: { ...command } }];
}
