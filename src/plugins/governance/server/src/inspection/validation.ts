import { validateYupSchema, yup } from '@strapi/utils';
import { HIT_KINDS } from '../../../shared/contracts/review';
import { oneOf } from '../utils/one-of';
import { wholeNumber } from '../utils/query-fields';
import { INSPECTION_ERRORS as ERRORS } from './messages';

const siteCode = yup.string().matches(/^[a-z0-9-]{1,40}$/, ERRORS.filters);

const findingsQuery = yup
  .object({
    site: siteCode,
    kind: oneOf(HIT_KINDS, ERRORS.filters),
    level: oneOf(['forbidden', 'check'] as const, ERRORS.filters),
    state: oneOf(['open', 'dismissed'] as const, ERRORS.filters).default('open'),
    page: wholeNumber(1, 100_000, ERRORS.filters).default(1),
    pageSize: wholeNumber(1, 100, ERRORS.filters).default(20),
  })
  .noUnknown();
export const validateFindingsQuery = validateYupSchema(findingsQuery, { strict: false });

/**
 * A body holding only a reason of 2 to 500 characters; `message` says which reason is missing
 * (one message, also when there is no reason at all).
 */
const reasonBody = (message: string) =>
  validateYupSchema(
    yup
      .object({
        reason: yup.string().test('reason', message, (value) => {
          const length = (value ?? '').trim().length;
          return length >= 2 && length <= 500;
        }),
      })
      .noUnknown(),
    { strict: true }
  );

export const validateDismissal = reasonBody(ERRORS.reason);
export const validateUnpublishing = reasonBody(ERRORS.unpublishReason);

export const validateRunRequest = validateYupSchema(yup.object({ site: siteCode }).noUnknown(), {
  strict: true,
});

export const validateFindingId = validateYupSchema(
  yup.object({ id: wholeNumber(1, 2 ** 31 - 1, ERRORS.filters).required(ERRORS.filters) }),
  { strict: false }
);
