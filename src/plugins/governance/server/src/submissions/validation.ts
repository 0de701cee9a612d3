import { validateYupSchema, yup } from '@strapi/utils';
import { SUBMISSION_STATUSES } from '../../../shared/contracts/submissions';
import { SITE_LEVELS } from '../../../shared/contracts/overview';
import { oneOf } from '../utils/one-of';
import { wholeNumber } from '../utils/query-fields';
import { ERRORS } from './messages';

const documentId = (message: string) => yup.string().trim().required(message).max(64, message);

export const validateTargetsQuery = validateYupSchema(
  yup.object({ article: documentId(ERRORS.article) }).noUnknown(),
  { strict: false }
);

export const validateSubmit = validateYupSchema(
  yup
    .object({
      article: documentId(ERRORS.article),
      target: documentId(ERRORS.target),
      note: yup.string().trim().max(500, ERRORS.note).nullable().default(null),
    })
    .noUnknown(),
  { strict: false }
);

export const validateDecline = validateYupSchema(
  yup
    .object({
      reason: yup
        .string()
        .trim()
        .required(ERRORS.reason)
        .min(5, ERRORS.reason)
        .max(500, ERRORS.reason),
    })
    .noUnknown(),
  { strict: false }
);

const listQuery = yup
  .object({
    status: oneOf(SUBMISSION_STATUSES, ERRORS.filters),
    site: yup.string().max(64, ERRORS.filters),
    level: oneOf(SITE_LEVELS, ERRORS.filters),
    minWaitingDays: wholeNumber(1, 3650, ERRORS.filters),
    page: wholeNumber(1, 10000, ERRORS.filters),
  })
  .noUnknown();
export type ListFilters = yup.InferType<typeof listQuery>;
export const validateListQuery = validateYupSchema(listQuery, { strict: false });

export const validateId = validateYupSchema(
  yup.object({ id: yup.number().integer().positive().required().typeError(ERRORS.filters) }),
  { strict: false }
);
