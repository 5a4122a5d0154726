import {
  Get,
  HttpCode,
  Inject,
  Logger,
  Post,
  Render,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Request, Response } from 'express';
import { ServiceStore } from '@bcl/service-store';
import { READERS } from '@bcl/identity';
import { EventStore, LogDigest, digestFromJson, digestToJson, takeDigest } from '@bcl/event-store';
import {
  AllowRoles,
  EVENT_STORE,
  LogVerification,
  Problem,
  SERVICE_STORE,
  eventAtPosition,
  verifyLog,
} from '@bcl/application';
import { PagesController } from '../../page-route';
import { DigestUploadFilter } from './digest-upload.filter';
import {
  DIGEST_BYTES_MAX,
  VERIFY_VIEW,
  digestFormError,
  verificationRunOf,
  verifyPageContext,
} from './verify-page';

/** What multer hands over for the uploaded digest (memory storage). */
interface UploadedDigest {
  buffer: Buffer;
  size: number;
}

/**
 * Verify the record: the same walk of the hash chain as `bcl verify` (`verifyStore` in @bcl/event-store), run on
 * demand with "Verify now" (a POST: on a large log the walk takes a while, so no link or reload starts it), and
 * a check of the log against a digest file the auditor kept. Every role may verify. Each run is kept in the
 * service store (who, when, what it found), so the home page can say when the record was last verified.
 */
@PagesController('verify')
export class VerifyController {
  private readonly logger = new Logger('pages');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  @Get()
  @AllowRoles(...READERS)
  @Render(VERIFY_VIEW)
  async page() {
    return this.context({});
  }

  @Post()
  @HttpCode(200)
  @AllowRoles(...READERS)
  @Render(VERIFY_VIEW)
  async verifyNow(@Req() request: Request) {
    const verification = await verifyLog(this.store);
    await this.record(request, verification);
    return this.context({ verification });
  }

  /**
   * A digest of the log as it is now (`bcl digest`'s file: the log is verified first), as a download to keep
   * outside the service and upload here later, or give to `bcl verify --digest`.
   */
  @Post('take-digest')
  @AllowRoles(...READERS)
  async takeDigestNow(@Res() response: Response) {
    const digest = await takeDigest(this.store).catch((error: Error) => {
      throw new Problem(409, 'broken-log', 'No digest was taken', error.message);
    });
    if (!digest)
      throw new Problem(
        409,
        'empty-log',
        'No digest was taken',
        'the log is empty: there is nothing to digest yet',
      );
    response
      .status(200)
      .type('application/json')
      .attachment(`digest-${digest.position}.json`)
      .send(`${JSON.stringify(digestToJson(digest, new Date().toISOString()), null, 2)}\n`);
  }

  /** The CSRF token comes in the action's query string: the guard runs before the multipart body is read. */
  @Post('digest')
  @AllowRoles(...READERS)
  @UseFilters(DigestUploadFilter)
  @UseInterceptors(FileInterceptor('digest', { limits: { fileSize: DIGEST_BYTES_MAX, files: 1, fields: 0 } }))
  async checkDigest(
    @UploadedFile() file: UploadedDigest | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    let digest: LogDigest;
    try {
      if (!file || file.size === 0) throw new Error('Choose the digest file to check the log against');
      digest = digestFromJson(file.buffer.toString('utf8'));
    } catch (error) {
      const text = (error as Error).message;
      const message = text.startsWith('Choose') ? text : `The file cannot be read as a digest: ${text}`;
      response.status(400).render(VERIFY_VIEW, digestFormError(await this.store.headPosition(), message));
      return;
    }
    const verification = await verifyLog(this.store, digest);
    await this.record(request, verification);
    const atDigest = verification.digest?.matched ? null : await eventAtPosition(this.store, digest.position);
    response
      .status(200)
      .render(VERIFY_VIEW, { ...(await this.context({ verification })), digestCheck: { atDigest } });
  }

  /**
   * Keeps the run for the home page. The check itself stands whether or not it could be kept, so a service store
   * that refuses the write is reported in the server's log and the result is still shown.
   */
  private async record(request: Request, verification: LogVerification): Promise<void> {
    await this.service
      .recordVerification(verificationRunOf(verification, request.identity!.subject))
      .catch((error: Error) => this.logger.error(`cannot record a verification run: ${error.message}`));
  }

  private async context(result: { verification?: LogVerification }) {
    return verifyPageContext(await this.store.headPosition(), result);
  }
}
