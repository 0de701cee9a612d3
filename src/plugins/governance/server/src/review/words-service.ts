import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { SensitiveWordEntry } from '../../../shared/contracts/review';
import { ERRORS } from './messages';
import { WORD } from './store';
import type { WordInput } from './validation';

const FIELDS = ['id', 'word', 'level', 'suggestion', 'note'];

/** The sensitive-word list (错敏词库) checked on every submission, managed by the province. */
const sensitiveWordsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(WORD);

  const refuseDuplicate = async (word: string, exceptId?: number) => {
    const existing = await query().findOne({ where: { word }, select: ['id'] });
    if (existing && existing.id !== exceptId)
      throw new errors.ValidationError(ERRORS.wordTaken(word));
  };

  return {
    async list(): Promise<SensitiveWordEntry[]> {
      return query().findMany({ select: FIELDS, orderBy: [{ level: 'desc' }, { word: 'asc' }] });
    },

    async create(input: WordInput): Promise<SensitiveWordEntry> {
      await refuseDuplicate(input.word);
      return query().create({ data: input, select: FIELDS });
    },

    async update(id: number, input: WordInput): Promise<SensitiveWordEntry> {
      if (!(await query().findOne({ where: { id }, select: ['id'] })))
        throw new errors.NotFoundError(ERRORS.noSuchWord(id));
      await refuseDuplicate(input.word, id);
      return query().update({ where: { id }, data: input, select: FIELDS });
    },

    async remove(id: number) {
      if (!(await query().findOne({ where: { id }, select: ['id'] })))
        throw new errors.NotFoundError(ERRORS.noSuchWord(id));
      await query().delete({ where: { id } });
    },
  };
};

export default sensitiveWordsService;
