import { validateYupSchema, yup } from '@strapi/utils';
import { year } from '../utils/query-fields';

const overviewQuery = yup.object({ year: year() }).noUnknown();

export const validateOverviewQuery = validateYupSchema(overviewQuery, { strict: false });
