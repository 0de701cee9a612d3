/** Han characters, with the middle dot of transcribed names (阿依古丽·买买提). */
const HAN_NAME = /^[\p{Script=Han}·]+$/u;

/**
 * 姓名 as one field: a Chinese name split the way Strapi asks for it (名字 建国, 姓氏 王) joined
 * family name first (王建国), or null when the parts are not both Chinese, or there is nothing
 * to join. A given-name field that already holds the whole name (王建国 + 王) is kept as it is.
 */
export const joinedChineseName = (
  firstname: string | null | undefined,
  lastname: string | null | undefined
): string | null => {
  const given = firstname?.trim() ?? '';
  const family = lastname?.trim() ?? '';
  if (!given || !family || !HAN_NAME.test(given) || !HAN_NAME.test(family)) return null;
  return given.length > family.length && given.startsWith(family) ? given : `${family}${given}`;
};

/**
 * A person as the plugin names them: the full name kept in `firstname` (王建国); a Chinese name
 * still split in two, family name first; any other name as Strapi shows it (John Smith); the
 * e-mail when no name is set.
 */
export const personName = (
  user: { firstname?: string | null; lastname?: string | null; email?: string } | null | undefined
) => {
  if (!user) return '系统';
  const joined = joinedChineseName(user.firstname, user.lastname);
  const name = joined ?? `${user.firstname ?? ''} ${user.lastname ?? ''}`.trim();
  return name || user.email || '';
};
