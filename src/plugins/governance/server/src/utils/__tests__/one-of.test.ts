import { validateYupSchema, yup } from '@strapi/utils';
import { oneOf } from '../one-of';

const VALUES = ['a', 'b'] as const;
const typed = yup.object({ v: oneOf(VALUES, 'bad value').required('missing') });
const plain = yup.object({
  v: yup
    .string()
    .oneOf([...VALUES], 'bad value')
    .required('missing'),
});

/** What a caller is told for a body, or the value let through. */
const outcome = async (schema: yup.AnySchema, body: unknown, strict: boolean) =>
  validateYupSchema(schema, { strict })(body).then(
    (value) => ({ value }),
    (error: { message: string; details: unknown }) => ({
      message: error.message,
      details: error.details,
    })
  );

/** `oneOf` only narrows the type: the schema is `yup.string().oneOf(...)`'s at run time. */
describe('oneOf', () => {
  it('is a string schema with the same description', () => {
    expect(oneOf(VALUES, 'bad value')).toBeInstanceOf(yup.StringSchema);
    expect(typed.describe()).toEqual(plain.describe());
  });

  it.each([{ v: 'a' }, { v: 'c' }, { v: 5 }, { v: ['a', 'b'] }, { v: null }, {}])(
    'answers %j as yup.string().oneOf() does, strict or not',
    async (body) => {
      for (const strict of [true, false]) {
        expect(await outcome(typed, body, strict)).toEqual(await outcome(plain, body, strict));
      }
    }
  );
});
