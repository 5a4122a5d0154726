import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OrganisationsController } from './organisations.controller';
import { AreasController } from './areas.controller';
import { PostsController } from './posts.controller';
import { PeopleController } from './people.controller';
import { RegisterOrganisationHandler } from './commands/register-organisation';
import { RenameOrganisationHandler } from './commands/rename-organisation';
import { RecordSuccessionHandler } from './commands/record-succession';
import { DefineHwbAreaHandler } from './commands/define-hwb-area';
import { AddAreaMemberHandler } from './commands/add-area-member';
import { EndAreaMembershipHandler } from './commands/end-area-membership';
import { RegisterPersonHandler } from './commands/register-person';
import { ErasePersonalDataHandler } from './commands/erase-personal-data';
import { CreatePostHandler } from './commands/create-post';
import { AppointPostHolderHandler } from './commands/appoint-post-holder';
import { EndPostHoldingHandler } from './commands/end-post-holding';
import { RegistryViews } from './queries/registry-views';
import { GetOrganisationHandler } from './queries/get-organisation';
import { ListOrganisationsHandler } from './queries/list-organisations';
import { OrganisationHistoryHandler } from './queries/organisation-history';
import { GetAreaHandler } from './queries/get-area';
import { ListAreasHandler } from './queries/list-areas';
import { AreaOrganisationsHandler } from './queries/area-organisations';
import { GetPostHandler } from './queries/get-post';
import { PostHolderHandler } from './queries/post-holder';
import { GetPersonHandler } from './queries/get-person';

/** The registry of organisations, HWB areas, posts and people. */
@Module({
  imports: [CqrsModule],
  controllers: [OrganisationsController, AreasController, PostsController, PeopleController],
  providers: [
    RegisterOrganisationHandler,
    RenameOrganisationHandler,
    RecordSuccessionHandler,
    DefineHwbAreaHandler,
    AddAreaMemberHandler,
    EndAreaMembershipHandler,
    RegisterPersonHandler,
    ErasePersonalDataHandler,
    CreatePostHandler,
    AppointPostHolderHandler,
    EndPostHoldingHandler,
    RegistryViews,
    GetOrganisationHandler,
    ListOrganisationsHandler,
    OrganisationHistoryHandler,
    GetAreaHandler,
    ListAreasHandler,
    AreaOrganisationsHandler,
    GetPostHandler,
    PostHolderHandler,
    GetPersonHandler,
  ],
})
export class RegistryModule {}
