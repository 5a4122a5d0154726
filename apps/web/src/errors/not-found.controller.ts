import { All, Controller, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { PublicRoute } from '@bcl/application';

/**
 * Any path nothing else serves (registered last): a browser gets a page saying so, not JSON; a path under `/api`
 * gets the API's problem+json 404, as before the pages existed.
 */
@Controller()
@ApiExcludeController()
@PublicRoute()
export class NotFoundController {
  @All('*path')
  notFound(@Req() request: Request, @Res() response: Response): void {
    if (request.path === '/api' || request.path.startsWith('/api/') || request.method !== 'GET')
      throw new NotFoundException(`Cannot ${request.method} ${request.path}`);
    response.status(404).render('views/error.njk', {
      problem: {
        status: 404,
        title: 'Page not found',
        detail: 'There is no page at this address. Check it, or start from the list of areas.',
      },
    });
  }
}
