/** Chinese names are written family name first: 王 + 建国; the e-mail when no name is set. */
export const personName = (
  user: { firstname?: string | null; lastname?: string | null; email?: string } | null | undefined
) => (user ? `${user.lastname ?? ''}${user.firstname ?? ''}`.trim() || user.email || '' : '系统');
