import type { Core } from '@strapi/strapi';
import { ADMIN_USER } from '../uids';
import { joinedChineseName } from '../utils/person-name';

type Event = { params: { data?: { firstname?: string | null; lastname?: string | null } } };

/**
 * 姓名 as one field. Strapi keeps a name as 名字 and 姓氏 and shows them given name first
 * ("建国 王", "您好，建国"); a Chinese name reads as one word, family name first. Every account's
 * Chinese name is kept whole in `firstname` (王建国) with `lastname` empty, so that Strapi's
 * greeting, menu and avatar (王) show it as written.
 */
export const keepChineseNamesWhole = (strapi: Core.Strapi) => {
  // However an account is written (Settings → Users, the profile page, a script): a Chinese
  // name given in two parts is joined before it is stored.
  const join = (event: Event) => {
    const data = event.params.data;
    const joined = joinedChineseName(data?.firstname, data?.lastname);
    if (data && joined) {
      data.firstname = joined;
      data.lastname = null;
    }
  };
  strapi.db.lifecycles.subscribe({
    models: [ADMIN_USER],
    beforeCreate: join,
    beforeUpdate: join,
  });
};

/**
 * Accounts stored before names were kept whole: joined once at start-up. Only names whose two
 * parts are both Chinese change (王 + 建国 → 王建国); others (Smith, John) are left as they are,
 * so a second start changes nothing. Answers how many were joined.
 */
export const joinStoredChineseNames = async (strapi: Core.Strapi) => {
  const users = (await strapi.db.query(ADMIN_USER).findMany({
    where: { lastname: { $notNull: true, $ne: '' } },
    select: ['id', 'firstname', 'lastname'],
  })) as Array<{ id: number; firstname: string | null; lastname: string | null }>;
  let joined = 0;
  for (const user of users) {
    const name = joinedChineseName(user.firstname, user.lastname);
    if (!name) continue;
    await strapi.db
      .query(ADMIN_USER)
      .update({ where: { id: user.id }, data: { firstname: name, lastname: null } });
    joined += 1;
  }
  return joined;
};
