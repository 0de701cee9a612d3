import { validateYupSchema, yup } from '@strapi/utils';
import { ACCOUNT_FILTERS } from '../../../shared/contracts/accounts';
import { oneOf } from '../utils/one-of';
import { ERRORS } from './messages';

export const validateAccountFilters = validateYupSchema(
  yup
    .object({
      filter: oneOf(ACCOUNT_FILTERS, ERRORS.filter).default('all'),
      q: yup.string().max(50, ERRORS.search),
    })
    .noUnknown(),
  { strict: false }
);

export const validateHolder = validateYupSchema(
  yup
    .object({
      holderName: yup
        .string()
        .nullable()
        .defined(ERRORS.holder)
        .test(
          'holder',
          ERRORS.holder,
          (value) =>
            value === null || ((value ?? '').trim().length >= 1 && [...(value ?? '')].length <= 50)
        ),
    })
    .noUnknown(),
  { strict: true }
);
