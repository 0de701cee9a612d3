import { validateYupSchema, yup } from '@strapi/utils';
import {
  LINK_HOST_LISTS,
  STEP_CAPACITIES,
  WORDING_CATEGORIES,
  type LinkHostList,
  type ChecklistItem,
  type WordingCategory,
  type WordLevel,
} from '../../../shared/contracts/review';
import { HOST, hostOf } from '../rankings/visit-domains';
import { oneOf } from '../utils/one-of';
import { wholeNumber } from '../utils/query-fields';
import { ERRORS } from './messages';

// JSON bodies: types as sent, and unknown keys refused rather than silently dropped.
const strict = { strict: true };

// CHECKLIST_ITEMS, in their order, named so that the result is a `Checklist`: `satisfies` stops
// the build when an item is missing here or unknown there.
const ticked = yup.boolean().required(ERRORS.checklist);
const checklist = yup
  .object({
    noClassifiedContent: ticked,
    noPersonalData: ticked,
    wordingChecked: ticked,
  } satisfies Record<ChecklistItem, unknown>)
  .noUnknown()
  .required(ERRORS.checklist);

export const validateApproval = validateYupSchema(
  yup
    .object({
      contentHash: yup
        .string()
        .matches(/^[0-9a-f]{64}$/, ERRORS.staleContent)
        .required(ERRORS.staleContent),
      checklist,
      comment: yup.string().max(1000, ERRORS.comment).nullable(),
    })
    .noUnknown(),
  strict
);

export const validateRejection = validateYupSchema(
  yup
    .object({
      reason: yup
        .string()
        .required(ERRORS.reason)
        .test('long-enough', ERRORS.reason, (value) => (value ?? '').trim().length >= 5)
        .max(1000, ERRORS.reason),
    })
    .noUnknown(),
  strict
);

const queueQuery = yup
  .object({
    tab: oneOf(['toReview', 'mine', 'all'], ERRORS.filters).default('toReview'),
    site: yup.string().matches(/^[a-z0-9-]{1,40}$/, ERRORS.filters),
    capacity: oneOf(STEP_CAPACITIES, ERRORS.filters),
    waitingDays: wholeNumber(1, 365, ERRORS.filters),
  })
  .noUnknown();
export type QueueFilters = yup.InferType<typeof queueQuery>;
export const validateQueueQuery = validateYupSchema(queueQuery, { strict: false });

const wordSchema = yup
  .object({
    word: yup
      .string()
      .test(
        'word',
        ERRORS.word,
        (value) => (value ?? '').trim().length >= 1 && (value ?? '').trim().length <= 50
      )
      .required(ERRORS.word),
    level: oneOf<WordLevel>(['forbidden', 'check'], ERRORS.wordLevel).required(ERRORS.wordLevel),
    suggestion: yup.string().max(100).nullable(),
    note: yup.string().max(200).nullable(),
  })
  .noUnknown();
/** The word as validated; the controller trims it before the service stores it. */
export type WordInput = yup.InferType<typeof wordSchema>;
export const validateWord = validateYupSchema(wordSchema, strict);

/** Text of 1 to `max` characters once trimmed (the service stores it trimmed). */
const trimmedText = (max: number, message: string) =>
  yup
    .string()
    // Nothing at all is `required`'s to refuse: one message, not two.
    .test('length', message, (value) => {
      const length = (value ?? '').trim().length;
      return !value || (length >= 1 && length <= max);
    })
    .required(message);

const wordingRuleSchema = yup
  .object({
    wrong: trimmedText(100, ERRORS.wordingWrong),
    right: trimmedText(100, ERRORS.wordingRight),
    category: oneOf<WordingCategory>(WORDING_CATEGORIES, ERRORS.wordingCategory).required(
      ERRORS.wordingCategory
    ),
    note: yup.string().max(200, ERRORS.wordingNote).nullable(),
  })
  .noUnknown();
const validWordingRule = validateYupSchema(wordingRuleSchema, strict);
/** A 规范表述 rule as stored: the forms trimmed, the note trimmed or null. */
export interface WordingRuleInput {
  wrong: string;
  right: string;
  category: WordingCategory;
  note: string | null;
}
export const validateWordingRule = async (body: unknown): Promise<WordingRuleInput> => {
  const { wrong, right, category, note } = await validWordingRule(body);
  return { wrong: wrong.trim(), right: right.trim(), category, note: note?.trim() || null };
};

/** A 外链名单 entry as stored: the host lower case, without scheme, path, port or `*.`. */
export interface LinkHostRuleInput {
  host: string;
  list: LinkHostList;
  note: string | null;
}

/** `https://WWW.Gov.cn/zhengce/` or `*.gov.cn` → `www.gov.cn`, `gov.cn`; null for no host. */
const hostOfInput = (value: string) => {
  const text = value.trim().replace(/^\*\./, '');
  // An address as typed, or a bare host name (which is no URL by itself).
  const host = (hostOf(text) ?? hostOf(`http://${text}`))?.replace(/\.$/, '');
  return host && HOST.test(host) && host.includes('.') ? host : null;
};

const linkHostRuleSchema = yup
  .object({
    // One message, also for no host at all.
    host: yup
      .string()
      .test('host', ERRORS.linkHost, (value) => Boolean(value && hostOfInput(value))),
    list: oneOf<LinkHostList>(LINK_HOST_LISTS, ERRORS.linkHostList).required(ERRORS.linkHostList),
    note: yup.string().max(200, ERRORS.linkHostNote).nullable(),
  })
  .noUnknown();
const validLinkHostRule = validateYupSchema(linkHostRuleSchema, strict);
export const validateLinkHostRule = async (body: unknown): Promise<LinkHostRuleInput> => {
  const { host, list, note } = await validLinkHostRule(body);
  return { host: hostOfInput(host!)!, list, note: note?.trim() || null };
};
