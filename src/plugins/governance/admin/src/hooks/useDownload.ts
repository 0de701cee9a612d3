import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback } from 'react';

/** The file name a Content-Disposition header gives, preferring the UTF-8 form (Chinese names). */
const fileName = (disposition: string | null | undefined) => {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? null;
};

/**
 * Saves a file an admin route answers with. Through the fetch client, because the admin's token
 * is a header, not a cookie: a plain link to the route would be refused.
 */
export const useDownload = () => {
  const { get } = useFetchClient();
  return useCallback(
    async (url: string, params: string, fallbackName: string) => {
      const { data, headers } = await get(url, { params, responseType: 'blob' });
      const href = URL.createObjectURL(data);
      const anchor = document.createElement('a');
      anchor.href = href;
      anchor.download = fileName(headers?.get('content-disposition')) ?? fallbackName;
      anchor.click();
      // After the click has handed the file to the browser's download.
      setTimeout(() => URL.revokeObjectURL(href));
    },
    [get]
  );
};
