import { validateYupSchema, yup } from '@strapi/utils';

export const ERRORS = {
  query: '工作台不接受查询参数 (the workbench takes no query parameters)',
} as const;

/**
 * The workbench is the caller's own: nothing to choose, so any parameter is a mistake (yup's
 * `noUnknown` lets everything through an object without fields).
 */
export const validateWorkbenchQuery = validateYupSchema(
  yup
    .object()
    .test('no-parameters', ERRORS.query, (query) => Object.keys(query ?? {}).length === 0),
  { strict: false }
);
