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
import { AssumedFactsController } from './assumed-facts.controller';

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
  ],
})
export class RegistryModule {}
