import { validateYupSchema, yup } from '@strapi/utils';
import { RECTIFICATION_STATUSES } from '../../../shared/contracts/oversight';
import { oneOf } from '../utils/one-of';
import { wholeNumber } from '../utils/query-fields';
import { COLUMN_ERRORS, ERRORS } from './messages';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const documentId = yup.string().trim().max(64, ERRORS.filters);
const date = (message: string) => yup.string().trim().required(message).matches(DATE, message);

export const validateSiteParams = validateYupSchema(
  yup.object({ documentId: documentId.required(ERRORS.filters) }),
  { strict: false }
);

export const validateAlertsQuery = validateYupSchema(
  yup
    .object({
      site: documentId,
      page: wholeNumber(1, 10000, ERRORS.filters),
      pageSize: wholeNumber(1, 100, ERRORS.filters),
    })
    .noUnknown(),
  { strict: false }
);

export const validatePeriod = validateYupSchema(
  yup.object({ from: date(ERRORS.period), to: date(ERRORS.period) }).noUnknown(),
  { strict: false }
);

export const validateCreateNotice = validateYupSchema(
  yup
    .object({
      from: date(ERRORS.period),
      to: date(ERRORS.period),
      title: yup.string().trim().required(ERRORS.title).min(5, ERRORS.title).max(200, ERRORS.title),
      sites: yup
        .array()
        .of(documentId.required(ERRORS.sites))
        .max(500, ERRORS.sites)
        .required(ERRORS.sites)
        .typeError(ERRORS.sites),
      deadline: date(ERRORS.deadline),
    })
    .noUnknown(),
  { strict: false }
);

export const validateTaskQuery = validateYupSchema(
  yup
    .object({
      status: oneOf(RECTIFICATION_STATUSES, ERRORS.filters),
      site: documentId,
    })
    .noUnknown(),
  { strict: false }
);

export const validateTaskId = validateYupSchema(
  yup.object({ id: yup.number().integer().positive().required().typeError(ERRORS.filters) }),
  {
    strict: false,
  }
);

export const validateEvidence = validateYupSchema(
  yup
    .object({
      evidence: yup
        .string()
        .trim()
        .required(ERRORS.evidence)
        .min(10, ERRORS.evidence)
        .max(2000, ERRORS.evidence),
    })
    .noUnknown(),
  { strict: false }
);

export const validateTaskReview = validateYupSchema(
  yup
    .object({
      accept: yup.boolean().required(ERRORS.comment).typeError(ERRORS.comment),
      comment: yup
        .string()
        .trim()
        .max(500, ERRORS.comment)
        .nullable()
        .default(null)
        .when('accept', {
          is: false,
          then: (schema) => schema.required(ERRORS.comment).min(5, ERRORS.comment),
        }),
    })
    .noUnknown(),
  { strict: false }
);

export const validateUrge = validateYupSchema(
  yup
    .object({
      note: yup.string().trim().max(200, ERRORS.note).nullable(),
    })
    .noUnknown(),
  { strict: false }
);

/** The edit view's 栏目 list: of the site it has chosen, or of the article's saved site. */
export const validateColumnsQuery = validateYupSchema(
  yup
    .object({
      site: yup.string().trim().max(64, COLUMN_ERRORS.query),
      article: yup.string().trim().max(64, COLUMN_ERRORS.query),
    })
    .noUnknown(),
  { strict: false }
);
