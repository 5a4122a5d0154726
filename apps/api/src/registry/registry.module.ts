import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OrganisationsController } from './organisations.controller';
import { AreasController } from './areas.controller';
import { PostsController } from './posts.controller';
import { PeopleController } from './people.controller';
import { RegisterOrganisationHandler, RegisterOrganisationRoute } from './use-cases/register-organisation';
import { RenameOrganisationHandler, RenameOrganisationRoute } from './use-cases/rename-organisation';
import { RecordSuccessionHandler, RecordSuccessionRoute } from './use-cases/record-succession';
import { DefineHwbAreaHandler, DefineHwbAreaRoute } from './use-cases/define-hwb-area';
import { AddAreaMemberHandler, AddAreaMemberRoute } from './use-cases/add-area-member';
import { EndAreaMembershipHandler, EndAreaMembershipRoute } from './use-cases/end-area-membership';
import { CreatePostHandler, CreatePostRoute } from './use-cases/create-post';
import { AppointPostHolderHandler, AppointPostHolderRoute } from './use-cases/appoint-post-holder';
import { EndPostHoldingHandler, EndPostHoldingRoute } from './use-cases/end-post-holding';
import { RegisterPersonHandler, RegisterPersonRoute } from './use-cases/register-person';
import { ErasePersonalDataHandler, ErasePersonalDataRoute } from './use-cases/erase-personal-data';
import { RegistryViews } from './queries/registry-views';
import { GetOrganisationHandler } from './queries/get-organisation';
import { ListOrganisationsHandler } from './queries/list-organisations';
import { OrganisationHistoryHandler } from './queries/organisation-history';
import { GetAreaHandler } from './queries/get-area';
import { ListAreasHandler } from './queries/list-areas';
import { AreaOrganisationsHandler } from './queries/area-organisations';
import { AssumedFactsHandler } from './queries/assumed-facts';
import { LedgerAssumedFactsHandler } from './queries/ledger-assumed-facts';
import { AssumedFactsController } from './assumed-facts.controller';
import { GetPostHandler } from './queries/get-post';
import { PostHolderHandler } from './queries/post-holder';
import { GetPersonHandler } from './queries/get-person';

/**
 * The registry of organisations, HWB areas, posts and people: one file per write use case (use-cases/), one
 * read controller per resource. Per resource, the create route comes first, then the reads, then the other
 * writes: the order the OpenAPI document has always listed them in.
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    RegisterOrganisationRoute,
    OrganisationsController,
    RenameOrganisationRoute,
    RecordSuccessionRoute,
    DefineHwbAreaRoute,
    AreasController,
    AssumedFactsController,
    AddAreaMemberRoute,
    EndAreaMembershipRoute,
    CreatePostRoute,
    PostsController,
    AppointPostHolderRoute,
    EndPostHoldingRoute,
    RegisterPersonRoute,
    PeopleController,
    ErasePersonalDataRoute,
  ],
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
    AssumedFactsHandler,
    LedgerAssumedFactsHandler,
    GetPostHandler,
    PostHolderHandler,
    GetPersonHandler,
  ],
})
export class RegistryModule {}
