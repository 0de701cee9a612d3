import { validateYupSchema, yup } from '@strapi/utils';
import { oneOf } from '../utils/one-of';
import { ERRORS } from './messages';
import { CAPACITIES } from '../../../shared/contracts/sites';

export const validateAddMember = validateYupSchema(
  yup
    .object({
      userId: yup
        .number()
        .integer(ERRORS.userId)
        .positive(ERRORS.userId)
        .required(ERRORS.userId)
        .typeError(ERRORS.userId),
      capacity: oneOf(CAPACITIES, ERRORS.capacity).required(ERRORS.capacity),
    })
    .noUnknown(),
  // A JSON body: types as sent, and unknown keys refused rather than silently dropped.
  { strict: true }
);

export const validateUserQuery = validateYupSchema(
  yup.object({ q: yup.string().trim().max(50, ERRORS.query) }).noUnknown(),
  { strict: false }
);
