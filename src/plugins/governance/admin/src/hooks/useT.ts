import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../pluginId';

export type Translate = (id: string, values?: Record<string, string | number>) => string;

/** The plugin's strings by their short key; the key shows when a translation is missing. */
export const useT = (): Translate => {
  const { formatMessage } = useIntl();
  return useCallback(
    (id, values) => formatMessage({ id: getTranslation(id), defaultMessage: id }, values),
    [formatMessage]
  );
};

/**
 * Names for codes the server sends (an audit action, a role), looked up under `prefix`; a code
 * without a translation shows as it is rather than as a missing key, and without the console
 * error react-intl reports for a missing one (a role the province named itself, in Chinese).
 */
export const useNameOf = (prefix: string) => {
  const { formatMessage, messages } = useIntl();
  return useCallback(
    (code: string) => {
      const id = getTranslation(`${prefix}.${code}`);
      return id in messages ? formatMessage({ id }) : code;
    },
    [formatMessage, messages, prefix]
  );
};
