import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { PublicRoute } from '@bcl/application';
import { webSourceDirectory } from '../views/nunjucks-environment';

/** The stylesheet `npm run build` compiles from styles/application.scss (bin/build-styles.js), in dist/. */
export function stylesheetPath(): string {
  const repository = dirname(dirname(dirname(webSourceDirectory())));
  return join(repository, 'dist', 'apps', 'web', 'assets', 'application.css');
}

/** The pages' assets: one stylesheet (no scripts: every page works with JavaScript off). */
@Controller('assets')
@ApiExcludeController()
@PublicRoute()
export class AssetsController {
  private readonly stylesheet = stylesheetPath();

  @Get('application.css')
  css(@Res() response: Response): void {
    if (!existsSync(this.stylesheet))
      throw new NotFoundException('the stylesheet is not built: run npm run build');
    response.type('text/css').set('Cache-Control', 'public, max-age=3600').sendFile(this.stylesheet);
  }
}
