import { createHmac, timingSafeEqual } from 'crypto';
import type { Core } from '@strapi/strapi';

/** The cookie that lets staff open their sites' files not yet online (media/file-gate.ts). */
export const FILE_PASS_COOKIE = 'gov_file_pass';
/** Valid this long; the admin asks for a new one well before (admin/src/api/media.ts). */
export const FILE_PASS_MINUTES = 30;

/** Whose pass it is and which files it opens: every file, or those under these folder paths. */
export interface FilePass {
  userId: number;
  /** Root folder paths of the holder's sites (`/3`), or null for every file. */
  folderPaths: string[] | null;
  expiresAt: number;
}

/**
 * A signed pass (HMAC-SHA256, keyed from the admin's JWT secret): the holder and their sites'
 * folders, so that the gate answers a staff request for a file with one look-up of the file and
 * none of the user. A pass outlives a change of the holder's sites by at most its lifetime.
 */
export const filePasses = (strapi: Core.Strapi) => {
  const key = () =>
    createHmac('sha256', String(strapi.config.get('admin.auth.secret')))
      .update('governance file pass')
      .digest();
  const sign = (payload: string) => createHmac('sha256', key()).update(payload).digest('base64url');

  return {
    issue(pass: Omit<FilePass, 'expiresAt'>, now = Date.now()) {
      const payload = Buffer.from(
        JSON.stringify({ ...pass, expiresAt: now + FILE_PASS_MINUTES * 60 * 1000 })
      ).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },

    /** The pass in `token` when its signature holds and it has not expired; else null. */
    read(token: string | undefined, now = Date.now()): FilePass | null {
      const [payload, signature, extra] = (token ?? '').split('.');
      if (!payload || !signature || extra !== undefined) return null;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const pass = JSON.parse(Buffer.from(payload, 'base64url').toString()) as FilePass;
        return typeof pass.expiresAt === 'number' && pass.expiresAt > now ? pass : null;
      } catch {
        return null;
      }
    },
  };
};
