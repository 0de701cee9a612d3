import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Readable } from 'stream';
import {
  WORDING_CATEGORIES,
  type WordingCategory,
  type WordingRuleEntry,
} from '../../../shared/contracts/review';
import { WORDING_RULE } from '../uids';
import { workbookStream } from '../utils/spreadsheet';
import { readWorkbookRows } from '../utils/workbook-rows';
import { ERRORS } from './messages';
import { normalizeForMatching } from './normalize-text';
import { validateWordingRule, type WordingRuleInput } from './validation';

const FIELDS = ['id', 'wrong', 'right', 'category', 'note'];

/** The workbook's heads, as the export writes them and the import reads them. */
const HEADS = { wrong: '错误表述', right: '规范表述', category: '类别', note: '说明' } as const;
/** What the province keeps is hundreds of rules; a file far larger is not a 规范表述 list. */
export const MAX_IMPORT_ROWS = 5_000;

/** 类别 as written in the workbook and on screen. */
export const CATEGORY_NAMES: Record<WordingCategory, string> = {
  leader: '领导人姓名职务',
  political: '政治表述',
  institution: '机构名称',
  other: '其他',
};
const categoryNamed = (name: string): WordingCategory | undefined =>
  name === ''
    ? 'other'
    : WORDING_CATEGORIES.find((category) => CATEGORY_NAMES[category] === name || category === name);

const form = (text: string) => normalizeForMatching(text).text;

type Rule = WordingRuleEntry;

/**
 * 规范表述: the wrong forms a government text must not use, each with its right form, kept by the
 * province and checked wherever the word list is (review/text-checker.ts). Two rules may not
 * name one wrong form (as the check reads it: 絕密 and 绝密 are one), and no rule's wrong form may
 * be another's right form, or the check would report the right text as an error.
 */
const wordingRulesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(WORDING_RULE);

  /** Refuses `rule` against the others (all rules but the one it replaces). */
  const refuseConflict = (rule: WordingRuleInput, others: Rule[]) => {
    const wrong = form(rule.wrong);
    const right = form(rule.right);
    if (wrong === right) throw new errors.ValidationError(ERRORS.wordingSame(rule.wrong));
    for (const other of others) {
      if (form(other.wrong) === wrong)
        throw new errors.ValidationError(ERRORS.wordingTaken(rule.wrong, other.wrong));
      if (form(other.right) === wrong)
        throw new errors.ValidationError(ERRORS.wordingIsRight(rule.wrong));
      if (form(other.wrong) === right)
        throw new errors.ValidationError(ERRORS.wordingRightIsWrong(rule.right));
    }
  };

  /** Every rule, by category in the order the page names them, then by wrong form. */
  const all = async (): Promise<Rule[]> =>
    ((await query().findMany({ select: FIELDS, orderBy: { wrong: 'asc' } })) as Rule[]).sort(
      (a, b) => WORDING_CATEGORIES.indexOf(a.category) - WORDING_CATEGORIES.indexOf(b.category)
    );

  return {
    list: all,

    async create(input: WordingRuleInput): Promise<Rule> {
      refuseConflict(input, await all());
      return query().create({ data: input, select: FIELDS });
    },

    async update(id: number, input: WordingRuleInput): Promise<Rule> {
      const rules = await all();
      if (!rules.some((rule) => rule.id === id))
        throw new errors.NotFoundError(ERRORS.noSuchWordingRule(id));
      refuseConflict(
        input,
        rules.filter((rule) => rule.id !== id)
      );
      return query().update({ where: { id }, data: input, select: FIELDS });
    },

    async remove(id: number) {
      if (!(await query().findOne({ where: { id }, select: ['id'] })))
        throw new errors.NotFoundError(ERRORS.noSuchWordingRule(id));
      await query().delete({ where: { id } });
    },

    /** The list as a workbook the import reads back: 错误表述, 规范表述, 类别, 说明. */
    async exportWorkbook(stamp: string): Promise<Readable> {
      const rules = await all();
      return workbookStream({ title: '规范表述', notes: [stamp, `共 ${rules.length} 条`] }, [
        {
          name: '规范表述',
          columns: [
            { head: HEADS.wrong, width: 30 },
            { head: HEADS.right, width: 30 },
            { head: HEADS.category, width: 16 },
            { head: HEADS.note, width: 40 },
          ],
          rows: rules.map((rule) => [
            rule.wrong,
            rule.right,
            CATEGORY_NAMES[rule.category],
            rule.note,
          ]),
        },
      ]);
    },

    /**
     * Adds the workbook's rules and updates those whose wrong form is listed already, all or
     * nothing: a file with any bad row changes nothing, and the error names every bad row.
     */
    async importWorkbook(filePath: string) {
      let rows;
      try {
        rows = await readWorkbookRows(filePath, Object.values(HEADS), {
          required: [HEADS.wrong, HEADS.right],
          maxRows: MAX_IMPORT_ROWS,
        });
      } catch (error) {
        throw new errors.ValidationError((error as Error).message);
      }
      if (rows.length === 0) throw new errors.ValidationError(ERRORS.wordingImportEmpty);

      const problems: Array<{ row: number; message: string }> = [];
      const inputs: Array<{ row: number; input: WordingRuleInput }> = [];
      for (const { number, cells } of rows) {
        const category = categoryNamed(cells[HEADS.category]);
        if (!category) {
          problems.push({ row: number, message: ERRORS.wordingCategory });
          continue;
        }
        try {
          const input = await validateWordingRule({
            wrong: cells[HEADS.wrong],
            right: cells[HEADS.right],
            category,
            note: cells[HEADS.note] || null,
          });
          inputs.push({ row: number, input });
        } catch (error) {
          problems.push({ row: number, message: (error as Error).message });
        }
      }

      // Each row against the rules it leaves and the rows before it.
      const existing = await all();
      const byWrong = new Map(existing.map((rule) => [form(rule.wrong), rule]));
      const kept = new Map(byWrong);
      const writes: Array<{ id?: number; input: WordingRuleInput }> = [];
      let unchanged = 0;
      for (const { row, input } of inputs) {
        const replaced = byWrong.get(form(input.wrong));
        try {
          refuseConflict(
            input,
            [...kept.values()].filter((rule) => rule !== replaced)
          );
        } catch (error) {
          problems.push({ row, message: (error as Error).message });
          continue;
        }
        const same =
          replaced &&
          replaced.wrong === input.wrong &&
          replaced.right === input.right &&
          replaced.category === input.category &&
          (replaced.note ?? null) === (input.note ?? null);
        if (same) unchanged += 1;
        else writes.push({ id: replaced?.id, input });
        kept.set(form(input.wrong), {
          id: replaced?.id ?? -row,
          ...input,
          note: input.note ?? null,
        });
        byWrong.delete(form(input.wrong));
      }
      if (problems.length > 0) {
        problems.sort((a, b) => a.row - b.row);
        throw new errors.ValidationError(ERRORS.wordingImportRows(problems), { rows: problems });
      }

      await strapi.db.transaction(async () => {
        for (const { id, input } of writes)
          if (id) await query().update({ where: { id }, data: input });
          else await query().create({ data: input });
      });
      return {
        added: writes.filter((write) => !write.id).length,
        updated: writes.filter((write) => write.id).length,
        unchanged,
      };
    },
  };
};

export default wordingRulesService;
