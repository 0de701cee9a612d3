import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { LinkHostRuleEntry } from '../../../shared/contracts/review';
import { LINK_HOST_RULE } from '../uids';
import { ERRORS } from './messages';
import type { LinkHostRuleInput } from './validation';

const FIELDS = ['id', 'host', 'list', 'note'];

/**
 * 外链名单: the hosts outside the group that articles may link to (allow) and must not (deny),
 * kept by those who keep the word list; read by the check of every draft and of what is online
 * (review/link-hosts.ts). One rule per host.
 */
const linkHostRulesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(LINK_HOST_RULE);

  const refuseTaken = async (input: LinkHostRuleInput, id?: number) => {
    const taken = (await query().findOne({
      where: { host: input.host, ...(id ? { id: { $ne: id } } : {}) },
      select: ['list'],
    })) as Pick<LinkHostRuleEntry, 'list'> | null;
    if (taken) throw new errors.ValidationError(ERRORS.hostTaken(input.host, taken.list));
  };

  return {
    /** The denied hosts first, then the allowed ones, each by name. */
    list: async (): Promise<LinkHostRuleEntry[]> =>
      query().findMany({ select: FIELDS, orderBy: [{ list: 'desc' }, { host: 'asc' }] }),

    async create(input: LinkHostRuleInput): Promise<LinkHostRuleEntry> {
      await refuseTaken(input);
      return query().create({ data: input, select: FIELDS });
    },

    async update(id: number, input: LinkHostRuleInput): Promise<LinkHostRuleEntry> {
      if (!(await query().findOne({ where: { id }, select: ['id'] })))
        throw new errors.NotFoundError(ERRORS.noSuchHostRule(id));
      await refuseTaken(input, id);
      return query().update({ where: { id }, data: input, select: FIELDS });
    },

    async remove(id: number) {
      if (!(await query().findOne({ where: { id }, select: ['id'] })))
        throw new errors.NotFoundError(ERRORS.noSuchHostRule(id));
      await query().delete({ where: { id } });
    },
  };
};

export default linkHostRulesService;
