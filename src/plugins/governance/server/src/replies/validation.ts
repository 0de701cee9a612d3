import { validateYupSchema, yup } from '@strapi/utils';
import { DateTime } from 'luxon';
import { oneOf } from '../utils/one-of';
import { wholeNumber, year } from '../utils/query-fields';
import {
  CATEGORIES,
  INBOX_TABS,
  SATISFACTIONS,
  VERDICTS,
} from '../../../shared/contracts/messages';
import { ERRORS } from './messages';

/** Lengths counted in characters as a person counts them (an emoji is one). */
const length = (value: string | undefined) => [...(value ?? '')].length;
const between = (min: number, max: number) => (value: string | undefined) =>
  length(value?.trim()) >= min && length(value) <= max;

/** A required text of `min` to `max` characters; one message for whatever is wrong with it. */
const text = (message: string, min: number, max: number) =>
  yup.string().typeError(message).test('length', message, between(min, max)).required(message);

/**
 * The public form. Only these fields are read: anything else a caller sends (status, reply,
 * site-internal fields) is dropped, never stored. `website` is the honeypot a person never
 * sees; `startedAt` is when the form was shown (milliseconds since the epoch).
 */
const submissionSchema = yup
  .object({
    site: yup
      .string()
      .typeError(ERRORS.site)
      .matches(/^[a-z0-9-]{1,40}$/, ERRORS.site)
      .required(ERRORS.site),
    category: oneOf(CATEGORIES, ERRORS.category)
      .typeError(ERRORS.category)
      .required(ERRORS.category),
    subject: text(ERRORS.subject, 2, 100),
    body: text(ERRORS.body, 5, 5000),
    name: text(ERRORS.name, 1, 50),
    phone: yup
      .string()
      .typeError(ERRORS.phone)
      .nullable()
      .matches(/^[0-9+\-() ]{6,30}$/, { message: ERRORS.phone, excludeEmptyString: true }),
    email: yup
      .string()
      .typeError(ERRORS.email)
      .nullable()
      .max(100, ERRORS.email)
      .email(ERRORS.email),
    website: yup.string().typeError(ERRORS.robot).nullable(),
    startedAt: yup.number().required(ERRORS.stale).typeError(ERRORS.stale),
  })
  .typeError(ERRORS.notAForm);
export type SubmissionInput = yup.InferType<typeof submissionSchema>;
export const validateSubmission = validateYupSchema(submissionSchema, {
  strict: true,
  stripUnknown: true,
});

export const validateQueryCode = validateYupSchema(
  yup.object({
    queryCode: yup
      .string()
      .typeError(ERRORS.queryCode)
      .matches(/^[A-Z2-9]{12}$/, ERRORS.queryCode)
      .required(ERRORS.queryCode),
  }),
  { strict: true }
);

export const validatePublicList = validateYupSchema(
  yup.object({
    site: yup
      .string()
      .typeError(ERRORS.listSite)
      .matches(/^[a-z0-9-]{1,40}$/, ERRORS.listSite),
    page: wholeNumber(1, 1000, ERRORS.page),
  }),
  { strict: false, stripUnknown: true }
);

const reason = yup
  .string()
  .test(
    'reason',
    ERRORS.reason,
    (value) => (value ?? '').trim().length >= 5 && (value ?? '').length <= 1000
  )
  .required(ERRORS.reason);

export const validateReply = validateYupSchema(
  yup
    .object({
      text: yup.string().required(ERRORS.replyText),
      unit: yup
        .string()
        .nullable()
        .test('unit', ERRORS.unit, (value) => length(value ?? '') <= 100),
      acknowledgeFlags: yup.boolean(),
    })
    .noUnknown(),
  { strict: true }
);

export const validateTransfer = validateYupSchema(
  yup
    .object({
      site: yup
        .string()
        .matches(/^[a-z0-9-]{1,40}$/, ERRORS.site)
        .required(ERRORS.site),
      reason,
    })
    .noUnknown(),
  { strict: true }
);

export const validateExtensionRequest = validateYupSchema(
  yup
    .object({
      workingDays: wholeNumber(1, 15, ERRORS.extensionDays).required(ERRORS.extensionDays),
      reason,
    })
    .noUnknown(),
  { strict: true }
);

export const validateExtensionDecision = validateYupSchema(
  yup
    .object({ approve: yup.boolean().required(), comment: yup.string().max(1000).nullable() })
    .noUnknown(),
  { strict: true }
);

/**
 * 确认 / 撤销不予受理: the province's decision; overturning says why (5 to 500 characters), a
 * confirmation may add a comment.
 */
export const validateInvalidDecision = validateYupSchema(
  yup
    .object({
      confirm: yup.boolean().typeError(ERRORS.invalidDecision).required(ERRORS.invalidDecision),
      comment: yup
        .string()
        .typeError(ERRORS.invalidComment)
        .nullable()
        .test('length', ERRORS.invalidComment, (value) => length(value ?? '') <= 500)
        .when('confirm', {
          is: false,
          then: (schema) =>
            schema.test('reason', ERRORS.invalidComment, (value) => length(value?.trim()) >= 5),
        }),
    })
    .noUnknown(),
  { strict: true }
);

export const validateReason = validateYupSchema(yup.object({ reason }).noUnknown(), {
  strict: true,
});

export const validateCategoryCorrection = validateYupSchema(
  yup
    .object({
      category: oneOf(CATEGORIES, ERRORS.category).required(ERRORS.category),
      reason,
    })
    .noUnknown(),
  { strict: true }
);

/** A local date (YYYY-MM-DD) that exists on the calendar. */
const localDate = yup
  .string()
  .test('date', ERRORS.date, (value) =>
    value === undefined
      ? true
      : /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid
  );

/** The inbox's filters, shared by the list and its export. */
const inboxFilters = {
  tab: oneOf(INBOX_TABS, ERRORS.tab).default('toSign'),
  q: yup.string().max(50, ERRORS.search),
  site: yup.string().matches(/^[a-z0-9-]{1,40}$/, ERRORS.site),
  category: oneOf(CATEGORIES, ERRORS.filterCategory),
  from: localDate,
  to: localDate.test('range', ERRORS.dateRange, function (to) {
    const { from } = this.parent as { from?: string };
    return !from || !to || from <= to;
  }),
};

export const validateInbox = validateYupSchema(
  yup.object({ ...inboxFilters, page: wholeNumber(1, 100000, ERRORS.page) }).noUnknown(),
  { strict: false }
);

export const validateInboxExport = validateYupSchema(yup.object(inboxFilters).noUnknown(), {
  strict: false,
});

/** 批量签收: the ids of the messages to sign, each checked on its own. */
export const validateBulkSign = validateYupSchema(
  yup
    .object({
      ids: yup
        .array()
        .of(wholeNumber(1, Number.MAX_SAFE_INTEGER, ERRORS.bulkIds).required(ERRORS.bulkIds))
        .min(1, ERRORS.bulkIds)
        .max(100, ERRORS.bulkIds)
        .required(ERRORS.bulkIds)
        .typeError(ERRORS.bulkIds),
    })
    .noUnknown(true, ERRORS.unknownQuery),
  { strict: true }
);

export const validatePublicChoice = validateYupSchema(
  yup
    .object({ isPublic: yup.boolean().required(ERRORS.isPublic).typeError(ERRORS.isPublic) })
    .noUnknown(true, ERRORS.unknownQuery),
  { strict: true }
);

export const validateStatistics = validateYupSchema(
  yup.object({ year: year(ERRORS.year).required(ERRORS.year) }).noUnknown(),
  { strict: false }
);

export const validateSample = validateYupSchema(
  yup
    .object({
      year: year(ERRORS.year).required(ERRORS.year),
      size: wholeNumber(1, 50, ERRORS.sampleSize).default(10),
      site: yup.string().matches(/^[a-z0-9-]{1,40}$/, ERRORS.site),
    })
    .noUnknown(),
  { strict: false }
);

export const validateSpotCheck = validateYupSchema(
  yup
    .object({
      verdict: oneOf(VERDICTS, ERRORS.verdict).required(ERRORS.verdict),
      comment: yup.string().max(1000, ERRORS.spotCheckComment).nullable(),
    })
    .noUnknown(),
  { strict: true }
);

/** The citizen's rating: only these fields are read. `contact` proves the code is theirs. */
const ratingSchema = yup
  .object({
    /** The last four digits of the phone the citizen left, or their e-mail address. */
    contact: yup
      .string()
      .typeError(ERRORS.ratingContact)
      .test('contact', ERRORS.ratingContact, between(1, 100))
      .required(ERRORS.ratingContact),
    satisfaction: oneOf(SATISFACTIONS, ERRORS.satisfaction)
      .typeError(ERRORS.satisfaction)
      .required(ERRORS.satisfaction),
    comment: yup
      .string()
      .typeError(ERRORS.comment)
      .nullable()
      .test('comment', ERRORS.comment, (value) => length(value ?? '') <= 500),
    reopen: yup.boolean().typeError(ERRORS.reopen),
  })
  .typeError(ERRORS.notAForm);
export type RatingInput = yup.InferType<typeof ratingSchema>;
export const validateRating = validateYupSchema(ratingSchema, {
  strict: true,
  stripUnknown: true,
});
