import { validateYupSchema, yup } from '@strapi/utils';
import { AUDIT_ACTION_CODES } from '../../../shared/contracts/audit';
import { oneOf } from '../utils/one-of';
import { ERRORS } from './messages';
import { wholeNumber } from '../utils/query-fields';

const date = yup.string().matches(/^\d{4}-\d{2}-\d{2}$/, ERRORS.date);

export const validateAuditFilters = validateYupSchema(
  yup
    .object({
      action: oneOf(AUDIT_ACTION_CODES, ERRORS.action),
      actor: yup.string().max(50, ERRORS.actor),
      from: date,
      to: date,
      page: wholeNumber(1, 100000, ERRORS.page),
      format: oneOf(['xlsx', 'csv'], ERRORS.format).default('xlsx'),
    })
    .noUnknown(true, ERRORS.unknownFilter),
  { strict: false }
);
