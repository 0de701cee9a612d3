import { validateYupSchema, yup } from '@strapi/utils';
import { CHECKLIST_ITEMS, STEP_CAPACITIES } from '../../../shared/contracts/review';
import { ERRORS } from './messages';

// JSON bodies: types as sent, and unknown keys refused rather than silently dropped.
const strict = { strict: true };

const checklist = yup
  .object(
    Object.fromEntries(
      CHECKLIST_ITEMS.map((item) => [item, yup.boolean().required(ERRORS.checklist)])
    )
  )
  .noUnknown()
  .required(ERRORS.checklist);

export const validateApproval = validateYupSchema(
  yup
    .object({
      contentHash: yup
        .string()
        .matches(/^[0-9a-f]{64}$/, ERRORS.staleContent)
        .required(ERRORS.staleContent),
      checklist,
      comment: yup.string().max(1000, ERRORS.comment).nullable(),
    })
    .noUnknown(),
  strict
);

export const validateRejection = validateYupSchema(
  yup
    .object({
      reason: yup
        .string()
        .required(ERRORS.reason)
        .test('long-enough', ERRORS.reason, (value) => (value ?? '').trim().length >= 5)
        .max(1000, ERRORS.reason),
    })
    .noUnknown(),
  strict
);

export const validateQueueQuery = validateYupSchema(
  yup
    .object({
      tab: yup.string().oneOf(['toReview', 'mine', 'all'], ERRORS.filters).default('toReview'),
      site: yup.string().matches(/^[a-z0-9-]{1,40}$/, ERRORS.filters),
      capacity: yup.string().oneOf([...STEP_CAPACITIES], ERRORS.filters),
      waitingDays: yup
        .number()
        .integer(ERRORS.filters)
        .min(1, ERRORS.filters)
        .max(365, ERRORS.filters),
    })
    .noUnknown(),
  { strict: false }
);

export const validateWord = validateYupSchema(
  yup
    .object({
      word: yup
        .string()
        .test(
          'word',
          ERRORS.word,
          (value) => (value ?? '').trim().length >= 1 && (value ?? '').trim().length <= 50
        )
        .required(ERRORS.word),
      level: yup
        .string()
        .oneOf(['forbidden', 'check'], ERRORS.wordLevel)
        .required(ERRORS.wordLevel),
      suggestion: yup.string().max(100).nullable(),
      note: yup.string().max(200).nullable(),
    })
    .noUnknown(),
  strict
);
