import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Adds `.openapi()` to zod schemas once, before any schema is defined, so that the schemas that
// validate requests are the very ones the OpenAPI document is generated from.
extendZodWithOpenApi(z);

export { z };
