import { Module } from '@nestjs/common';
import { ReturnContext } from './return-context';

/**
 * The returns context as other modules ask it (governance, when a quarterly return is signed off): one
 * `ReturnContext`, provided and exported here, so governance and the returns module share one instance. What
 * `ReturnContext` itself depends on is provided (or imported) here too.
 */
@Module({ providers: [ReturnContext], exports: [ReturnContext] })
export class ReturnContextModule {}
