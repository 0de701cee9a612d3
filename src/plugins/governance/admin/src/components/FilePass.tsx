import { useFilePass } from '../api/media';

/** Rendered on every admin page (index.ts): keeps the user's file pass fresh; shows nothing. */
export const FilePass = () => {
  useFilePass();
  return null;
};
