import { ApiOperation } from '@nestjs/swagger';

/**
 * Keeps a route's OpenAPI operationId as it was when the route lived in the context's one controller
 * (`<Controller>_<method>`, Nest's default), so clients generated from the document keep their method names
 * now that each write route has a use-case file of its own.
 */
export const OperationId = (controller: string, method: string) =>
  ApiOperation({ operationId: `${controller}_${method}`, summary: undefined });
