import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

const validYear = (value: string | null) => {
  const year = Number(value);
  return value !== null && Number.isInteger(year) && year >= 2000 && year <= 2100
    ? year
    : undefined;
};

/**
 * The year the rankings pages ask for, kept in the URL (`?year=2014`) so that a link or a reload
 * opens the same year. Without one, the server answers the year a provincial office ranks (the
 * last complete year with publications); pages show the year of the answer.
 */
export const useRankingYear = () => {
  const [params, setParams] = useSearchParams();
  const setYear = useCallback(
    (year: number) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('year', String(year));
        return next;
      }),
    [setParams]
  );
  return { year: validYear(params.get('year')), setYear };
};
