/**
 * Query parameters encoded for the fetch client. Given an object, it joins the values unencoded
 * (qs with `encode: false`), so a '+' in an e-mail address or an '&' in a search would change
 * the request; a string is sent as it is. Empty values are left out.
 */
export const searchParams = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, String(value)])
  ).toString();
