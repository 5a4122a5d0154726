import { INestApplication } from '@nestjs/common';
import { ApiConfig } from '../../api/src/config/api-config';
import { createApp } from '../../api/src/create-app';
import { webHost } from '../../web/src/web.module';
import { WebConfig } from '../../web/src/web-config';

/**
 * The one process `npm start` runs: the API under `/api` and the web pages at `/`, sharing one event log, one
 * query bus and one command bus. This folder only wires the two apps together; neither imports the other.
 */
export function createServer(api: ApiConfig, web: WebConfig): Promise<INestApplication> {
  return createApp(api, webHost(web));
}
