import { yup } from '@strapi/utils';

/**
 * A whole number from `min` to `max`, sent as a number or (in a query string) as digits. Every
 * way of getting it wrong answers the same `message`, so a person sees one sentence, not yup's.
 */
export const wholeNumber = (min: number, max: number, message: string) =>
  yup.number().integer(message).min(min, message).max(max, message).typeError(message);

export const YEAR_ERROR =
  '年份须为 2000 至 2100 之间的整数 (year must be an integer from 2000 to 2100)';

/** A year the statistics and rankings may be asked for. */
export const year = (message: string = YEAR_ERROR) => wholeNumber(2000, 2100, message);
