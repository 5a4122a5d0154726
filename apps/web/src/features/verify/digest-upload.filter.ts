import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  Inject,
  PayloadTooLargeException,
} from '@nestjs/common';
import { Response } from 'express';
import { EventStore } from '@bcl/event-store';
import { EVENT_STORE, SERVICE_STORE } from '@bcl/application';
import { ServiceStore } from '@bcl/service-store';
import { HtmlErrorFilter } from '../../errors/html-error.filter';
import { VERIFY_VIEW, digestFormError } from './verify-page';

/**
 * The digest upload's own refusals (a file over the limit, a part the form does not have), which multer raises
 * before the handler runs, shown on the form with the GOV.UK error summary instead of an error page. Anything
 * else (a refused role or CSRF token) is an error page as on every page.
 */
@Catch()
export class DigestUploadFilter implements ExceptionFilter {
  private readonly pages: HtmlErrorFilter;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_STORE) service: ServiceStore,
  ) {
    this.pages = new HtmlErrorFilter(service);
  }

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const tooLarge = exception instanceof PayloadTooLargeException;
    if (!tooLarge && !(exception instanceof BadRequestException)) return this.pages.catch(exception, host);
    const response = host.switchToHttp().getResponse<Response>();
    const message = tooLarge
      ? 'The file is too large to be a digest: choose the JSON file bcl digest --out wrote'
      : 'Send the form as it is: choose one digest file and press the button';
    const head = await this.store.headPosition().catch(() => null);
    response.status(tooLarge ? 413 : 400).render(VERIFY_VIEW, digestFormError(head, message));
  }
}
