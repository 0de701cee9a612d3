import { validateYupSchema, yup } from '@strapi/utils';
import { oneOf } from '../utils/one-of';
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
    page: yup
      .number()
      .typeError(ERRORS.page)
      .integer(ERRORS.page)
      .min(1, ERRORS.page)
      .max(1000, ERRORS.page),
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
      workingDays: yup
        .number()
        .integer(ERRORS.extensionDays)
        .min(1, ERRORS.extensionDays)
        .max(15, ERRORS.extensionDays)
        .required(ERRORS.extensionDays),
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

export const validateInbox = validateYupSchema(
  yup
    .object({
      tab: oneOf(INBOX_TABS, ERRORS.tab).default('toSign'),
      q: yup.string().max(50, ERRORS.search),
      site: yup.string().matches(/^[a-z0-9-]{1,40}$/, ERRORS.site),
      page: yup.number().integer(ERRORS.page).min(1, ERRORS.page).max(1000, ERRORS.page),
    })
    .noUnknown(),
  { strict: false }
);

const year = yup
  .number()
  .integer(ERRORS.year)
  .min(2000, ERRORS.year)
  .max(2100, ERRORS.year)
  .typeError(ERRORS.year);

export const validateStatistics = validateYupSchema(
  yup.object({ year: year.required(ERRORS.year) }).noUnknown(),
  { strict: false }
);

export const validateSample = validateYupSchema(
  yup
    .object({
      year: year.required(ERRORS.year),
      size: yup
        .number()
        .integer(ERRORS.sampleSize)
        .min(1, ERRORS.sampleSize)
        .max(50, ERRORS.sampleSize)
        .typeError(ERRORS.sampleSize)
        .default(10),
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
