import { useAuth, useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';
import { usePasswordStatus } from './passwords';

/** Asked again well before the pass's 30 minutes run out. */
const RENEW_MS = 10 * 60 * 1000;

/**
 * The logged-in user's pass to their sites' files not yet online (POST
 * /governance/media/file-pass): a cookie for /uploads, so that the media library's previews and
 * an article's attachments in review open in the admin. Renewed while the admin is open. Not
 * asked while the user must change their password first: the server refuses them everything else.
 */
export const useFilePass = () => {
  const { post } = useFetchClient();
  const userId = useAuth('useFilePass', (auth) => auth.user?.id);
  const { data: password } = usePasswordStatus();
  return useQuery(
    ['governance', 'media', 'file-pass', userId],
    async () => (await post('/governance/media/file-pass')).data,
    {
      enabled: userId !== undefined && password !== undefined && password.mustChange === null,
      refetchInterval: RENEW_MS,
      retry: 2,
      staleTime: RENEW_MS,
    }
  );
};
