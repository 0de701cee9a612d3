import { validateYupSchema, yup } from '@strapi/utils';
import { COLUMN_CHANGE_ACTIONS, REPORT_CATEGORIES } from '../../../shared/contracts/columns';
import { COLUMN_KINDS, RECTIFICATION_STATUSES } from '../../../shared/contracts/oversight';
import { oneOf } from '../utils/one-of';
import { wholeNumber } from '../utils/query-fields';
import { COLUMN_ERRORS, COLUMN_MANAGEMENT_ERRORS, ERRORS } from './messages';

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

const columnName = yup
  .string()
  .trim()
  .min(2, COLUMN_MANAGEMENT_ERRORS.name)
  .max(50, COLUMN_MANAGEMENT_ERRORS.name);
const reason = yup
  .string()
  .trim()
  .required(COLUMN_MANAGEMENT_ERRORS.reason)
  .min(5, COLUMN_MANAGEMENT_ERRORS.reason)
  .max(500, COLUMN_MANAGEMENT_ERRORS.reason);

/** 栏目管理: a change of a site's columns, made by the province or proposed by its leader. */
export const validateColumnChange = validateYupSchema(
  yup
    .object({
      action: oneOf(COLUMN_CHANGE_ACTIONS, COLUMN_MANAGEMENT_ERRORS.action).required(
        COLUMN_MANAGEMENT_ERRORS.action
      ),
      column: yup
        .number()
        .integer(COLUMN_MANAGEMENT_ERRORS.column)
        .positive(COLUMN_MANAGEMENT_ERRORS.column)
        .typeError(COLUMN_MANAGEMENT_ERRORS.column)
        .when('action', {
          is: 'add',
          then: (schema) => schema.strip(),
          otherwise: (schema) => schema.required(COLUMN_MANAGEMENT_ERRORS.column),
        }),
      name: columnName.when('action', {
        is: 'add',
        then: (schema) => schema.required(COLUMN_MANAGEMENT_ERRORS.name),
      }),
      kind: oneOf(COLUMN_KINDS, COLUMN_MANAGEMENT_ERRORS.kind).when('action', {
        is: 'add',
        then: (schema) => schema.required(COLUMN_MANAGEMENT_ERRORS.kind),
      }),
      staleAfterDays: wholeNumber(1, 3650, COLUMN_MANAGEMENT_ERRORS.staleAfterDays).nullable(),
      sortOrder: wholeNumber(0, 9999, COLUMN_MANAGEMENT_ERRORS.sortOrder),
      reportCategory: oneOf(REPORT_CATEGORIES, COLUMN_MANAGEMENT_ERRORS.reportCategory),
      reason,
      confirmAtRisk: yup.boolean().typeError(COLUMN_MANAGEMENT_ERRORS.params),
    })
    .noUnknown(true, COLUMN_MANAGEMENT_ERRORS.params),
  { strict: false }
);

export const validateColumnDecision = validateYupSchema(
  yup
    .object({
      approve: yup
        .boolean()
        .required(COLUMN_MANAGEMENT_ERRORS.approve)
        .typeError(COLUMN_MANAGEMENT_ERRORS.approve),
      // 同意 is enough to approve; a refusal says why.
      reason: yup
        .string()
        .trim()
        .required(COLUMN_MANAGEMENT_ERRORS.decisionReason)
        .max(500, COLUMN_MANAGEMENT_ERRORS.decisionReason)
        .when('approve', {
          is: false,
          then: (schema) => schema.min(5, COLUMN_MANAGEMENT_ERRORS.decisionReason),
          otherwise: (schema) => schema.min(2, COLUMN_MANAGEMENT_ERRORS.decisionReason),
        }),
    })
    .noUnknown(true, COLUMN_MANAGEMENT_ERRORS.params),
  { strict: false }
);

export const validateChangeId = validateYupSchema(
  yup.object({
    id: yup
      .number()
      .integer()
      .positive()
      .required(COLUMN_MANAGEMENT_ERRORS.params)
      .typeError(COLUMN_MANAGEMENT_ERRORS.params),
  }),
  { strict: false }
);
