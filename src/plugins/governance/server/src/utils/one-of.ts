import { yup } from '@strapi/utils';

/**
 * `yup.string().oneOf(values, message)`, typed as the union of `values` rather than `string`, so
 * that a validator's result type names the values it lets through. yup 0.32's `string()` takes
 * no type parameter but its class does; `new StringSchema()` is what `string()` returns, so the
 * schema is the same at run time: the same type check, casting and messages.
 */
export const oneOf = <T extends string>(values: readonly T[], message: string) =>
  new yup.StringSchema<T | undefined>().oneOf([...values], message);
