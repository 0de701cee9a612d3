import type { Knex } from 'knex';

/**
 * `column in (values)` written as `+column in (…)`: the same rows, but SQLite no longer leads
 * the plan through the column's own index (a unary `+` makes it an expression). For a filter
 * by site where that index would read everything the site ever had, while another index of the
 * query reads only what is open or recent (docs/scale.md). PostgreSQL plans by its statistics
 * either way.
 */
export const whereInNotIndexed = (
  query: Knex.QueryBuilder,
  column: string,
  values: ReadonlyArray<string | number>
) =>
  values.length === 0
    ? query.whereRaw('1 = 0')
    : query.whereRaw(`+?? in (${values.map(() => '?').join(', ')})`, [column, ...values]);
