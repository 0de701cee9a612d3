import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createHash, randomInt, timingSafeEqual } from 'crypto';
import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';
import type { GovernanceConfig } from '../config';
import { CommitNotConfirmedError } from '../utils/confirmed-commit';
import { getService } from '../utils/get-service';
import { isDependencyUnavailable } from '../utils/unavailable';
import type {
  Category,
  Invalidation,
  MessageSite,
  MessageStatus,
  PendingExtension,
  Satisfaction,
  Verdict,
} from '../../../shared/contracts/messages';
import { caseNumberOf, caseNumbers } from './case-number';
import { dueAt } from './deadlines';
import { holdings } from './holdings';
import { ERRORS } from './messages';
import { workingDaysFor } from './site-working-days';
import type { RatingInput, SubmissionInput } from './validation';
import { CITIZEN_MESSAGE, MESSAGE_EVENT, SITE } from '../uids';
import { findPage } from '../utils/paged';
import { localDateTime, zoneName } from '../../../shared/local-time';
import type { SitePageRequest } from '../../../shared/contracts/pagination';

const EVENT = MESSAGE_EVENT;

/** Query codes: 12 characters without look-alikes (no 0/O, 1/I/L), about 60 bits of chance. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newQueryCode = () =>
  Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** Text as typed: any HTML is reduced to its text, and entities read as the characters they are. */
export const plainText = (value: string) =>
  decodeHTML(
    sanitizeHtml(value, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard' })
  ).trim();

/** 张三 → 张**: a public page never shows a citizen's full name. */
export const maskName = (name: string | null | undefined) => {
  const [first = ''] = [...(name ?? '').trim()];
  return first ? `${first}**` : '**';
};

/** Where a message stands, as a citizen is told. */
const PUBLIC_STATUS: Record<string, string> = {
  received: '已收到',
  accepted: '办理中',
  transferred: '已转办',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
};

/**
 * A citizen message's columns (api::citizen-message) as this concern reads them: the public
 * routes here, the handling flow (handling.ts). Each query adds the relations it populates.
 */
export interface MessageRow {
  id: number;
  /** Counts the acts on the message: each is guarded by the count its actor saw. */
  revision: number | null;
  caseNumber: string | null;
  category: Category;
  originalCategory: Category | null;
  subject: string;
  body: string;
  /** The citizen's name and contact: never on a public page. */
  name: string;
  phone: string | null;
  email: string | null;
  status: MessageStatus;
  receivedAt: string;
  dueAt: string;
  pendingExtension: PendingExtension | null;
  reply: string | null;
  replyingUnit: string | null;
  repliedAt: string | null;
  repliedOnTime: boolean | null;
  /** Whether the replying site answered by its own holding's deadline (null before holdings). */
  holderRepliedOnTime: boolean | null;
  satisfaction: Satisfaction | null;
  reopenedAt: string | null;
  spotCheck: Verdict | null;
  isPublic: boolean | null;
  /** 不予受理 waiting for the province, or confirmed by it. */
  invalidation: Invalidation | null;
  /** The reply standing was flagged and sent anyway, with no substantive reply after it. */
  replyFlagged: boolean | null;
  /** When the reply was last edited after it was sent. */
  replyRevisedAt: string | null;
}

/** A message with the site that holds it, as the public pages show it. */
type PublicRow = MessageRow & { site: MessageSite | null };
const ANSWERED = ['replied', 'closed'];

const digest = (value: string) => createHash('sha256').update(value).digest();
/** Equal digests compared in constant time: the time taken tells nothing of how much matched. */
const sameSecret = (given: string, expected: string | null) =>
  timingSafeEqual(digest(given), digest(expected ?? '')) && expected !== null;

/**
 * Whether `given` is the contact the citizen left: the last four digits of the phone, or the
 * e-mail address (case-insensitive). Both are compared, whichever matches.
 */
const isCitizensContact = (
  given: string,
  row: { phone?: string | null; email?: string | null } | null
) => {
  const contact = given.trim().toLowerCase();
  const lastFour = (row?.phone ?? '').replace(/\D/g, '').slice(-4);
  const phone = sameSecret(contact, lastFour.length === 4 ? lastFour : null);
  const email = sameSecret(contact, row?.email ? row.email.trim().toLowerCase() : null);
  return phone || email;
};

/**
 * Citizen messages as the public meets them: submission (validated, rate limited by the route,
 * HTML reduced to text, deadline set), lookup by query code, and the public list of replies a
 * site made public. Private fields (name, phone, e-mail, IP) never leave through here.
 */
const repliesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;

  const publicView = (row: PublicRow) => ({
    caseNumber: row.caseNumber,
    category: row.category,
    subject: row.subject,
    body: row.body,
    status: row.status,
    statusText: PUBLIC_STATUS[row.status] ?? row.status,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    reply: row.reply,
    repliedAt: row.repliedAt,
    // The replying unit as its author named it, else the site that holds the case.
    replyingUnit: row.reply ? (row.replyingUnit ?? row.site?.name ?? null) : null,
    site: row.site ? { code: row.site.code, name: row.site.name } : null,
    satisfaction: row.satisfaction,
    canRate: ANSWERED.includes(row.status) && !row.satisfaction,
    reopened: Boolean(row.reopenedAt),
    // An answer edited after it was sent says so, and when, in the group's time.
    replyRevisedAt: row.reply ? (row.replyRevisedAt ?? null) : null,
    replyRevised:
      row.reply && row.replyRevisedAt
        ? `答复已于${localDateTime(row.replyRevisedAt, config().timezone)}（${zoneName(config().timezone)}）修改`
        : null,
  });

  const service = {
    /** 提交留言: refuses robots and bad input with a 400, stores the message, answers its code. */
    async submit(input: SubmissionInput, meta: { ip: string; now?: Date }) {
      const now = meta.now ?? new Date();
      const { minFillSeconds, workingDays } = config().replies;
      if (input.website) throw new errors.ValidationError(ERRORS.robot);
      const shownFor = (now.getTime() - input.startedAt) / 1000;
      if (shownFor > 24 * 3600 || shownFor < -60) throw new errors.ValidationError(ERRORS.stale);
      if (shownFor < minFillSeconds) throw new errors.ValidationError(ERRORS.tooFast);

      const text = {
        subject: plainText(input.subject),
        body: plainText(input.body),
        name: plainText(input.name),
        phone: input.phone?.trim() || null,
        email: input.email?.trim() || null,
      };
      // Checked again on the text: markup alone is no message.
      if ([...text.subject].length < 2) throw new errors.ValidationError(ERRORS.subject);
      if ([...text.body].length < 5) throw new errors.ValidationError(ERRORS.body);
      if (!text.name) throw new errors.ValidationError(ERRORS.name);
      if (!text.phone && !text.email) throw new errors.ValidationError(ERRORS.contact);

      const site = await strapi.db.query(SITE).findOne({
        where: { code: input.site, active: true },
        select: ['id', 'documentId', 'name', 'code', 'replyWorkingDays'],
      });
      if (!site) throw new errors.ValidationError(ERRORS.noSuchSite(input.site));

      const due = dueAt(
        getService(strapi, 'calendar').current(),
        now,
        workingDaysFor(workingDays, site, input.category, config().replies.maxWorkingDays),
        config().timezone
      );
      // The query code is the citizen's key; the case number is what they quote to the site.
      const receipt = (id: number, queryCode: string) => ({
        queryCode,
        caseNumber: caseNumberOf(id, now, config().timezone),
        site: { code: site.code, name: site.name },
        status: 'received',
        receivedAt: now.toISOString(),
        dueAt: due.toISOString(),
      });
      // Only these fields are written: no mass assignment, whatever else the request carried.
      for (let attempt = 0; ; attempt += 1) {
        const queryCode = newQueryCode();
        try {
          // One transaction for the row, its site link and its first holding: one commit, one disk flush.
          const { id } = await strapi.db.transaction(async () => {
            const created = await strapi.db.query(CITIZEN_MESSAGE).create({
              select: ['id'],
              data: {
                ...text,
                site: site.id,
                category: input.category,
                queryCode,
                ipAddress: meta.ip.slice(0, 45),
                status: 'received',
                receivedAt: now,
                dueAt: due,
                isPublic: false,
              },
            });
            // The receiving site's holding starts at receipt, with the message's deadline.
            await holdings(strapi).openFirst(created.id, site.id, now, due);
            return created;
          });
          return receipt(id, queryCode);
        } catch (error) {
          // The commit was not confirmed (the connection died around COMMIT): the row may or may not
          // be there. Read back outside the transaction; a code is given only for a stored message.
          if (error instanceof CommitNotConfirmedError) {
            const stored = await strapi.db
              .query(CITIZEN_MESSAGE)
              .findOne({ where: { queryCode }, select: ['id'] })
              .catch(() => null);
            if (stored) return receipt(stored.id, queryCode);
            throw error;
          }
          // The database is away: asking it whether the code was taken would only wait.
          if (isDependencyUnavailable(error)) throw error;
          // A query code already taken (one chance in 10^17): draw another.
          if (
            attempt >= 2 ||
            !(await strapi.db
              .query(CITIZEN_MESSAGE)
              .findOne({ where: { queryCode }, select: ['id'] }))
          )
            throw error;
        }
      }
    },

    /** 查询: what the holder of the query code may see of their message. */
    async lookup(queryCode: string) {
      const row = (await strapi.db.query(CITIZEN_MESSAGE).findOne({
        where: { queryCode },
        populate: { site: { select: ['name', 'code'] } },
      })) as PublicRow | null;
      if (!row) throw new errors.NotFoundError(ERRORS.notFound);
      return publicView(row);
    },

    /**
     * 评价: the citizen rates the answer, once, with the query code and the contact they left
     * (the last four digits of the phone, or the e-mail): the code alone, seen by anyone it
     * was shown to, does not rate in their name. A wrong code and a wrong contact get the same
     * answer, and each try spends the route's per-IP budget. Unsatisfied, they may reopen the
     * case, once (there is one rating): it goes back to the site holding it with a new deadline.
     */
    async rate(queryCode: string, input: RatingInput) {
      const row = (await strapi.db.query(CITIZEN_MESSAGE).findOne({
        where: { queryCode },
        select: ['id', 'status', 'category', 'satisfaction', 'revision', 'phone', 'email'],
        populate: { site: { select: ['id', 'replyWorkingDays'] } },
      })) as
        | (Pick<
            MessageRow,
            'id' | 'status' | 'category' | 'satisfaction' | 'revision' | 'phone' | 'email'
          > & { site: { id: number; replyWorkingDays: unknown } | null })
        | null;
      const contactMatches = isCitizensContact(input.contact, row);
      if (!row || !contactMatches) throw new errors.NotFoundError(ERRORS.notYours);
      if (row.satisfaction) throw new errors.ApplicationError(ERRORS.rated);
      if (!ANSWERED.includes(row.status)) throw new errors.ApplicationError(ERRORS.notRatable);
      if (input.reopen && input.satisfaction !== 'unsatisfied')
        throw new errors.ValidationError(ERRORS.reopenUnsatisfied);
      const comment = input.comment ? plainText(input.comment) || null : null;
      const now = new Date();
      const reopen = input.reopen
        ? {
            status: 'accepted',
            reopenedAt: now,
            dueAt: dueAt(
              getService(strapi, 'calendar').current(),
              now,
              workingDaysFor(
                config().replies.workingDays,
                row.site ?? {},
                row.category,
                config().replies.maxWorkingDays
              ),
              config().timezone
            ),
            overdueNotifiedAt: null,
          }
        : {};
      await strapi.db.transaction(async () => {
        // Guarded by the state read above: a second rating at the same moment changes nothing.
        const { count } = await strapi.db.query(CITIZEN_MESSAGE).updateMany({
          where: { id: row.id, revision: row.revision, satisfaction: { $null: true } },
          data: {
            satisfaction: input.satisfaction,
            ...reopen,
            revision: (row.revision ?? 0) + 1,
            updatedAt: now,
          },
        });
        if (count !== 1) throw new errors.ApplicationError(ERRORS.rated);
        const citizen = { message: row.id, actorName: '留言人' };
        await strapi.db.query(EVENT).create({
          data: { ...citizen, action: 'rate', satisfaction: input.satisfaction, text: comment },
        });
        if (input.reopen) {
          await strapi.db
            .query(EVENT)
            .create({ data: { ...citizen, action: 'reopen', dueAtAfter: reopen.dueAt } });
          // Handled again by the site that has it, against the new deadline.
          if (row.site)
            await holdings(strapi).start(row.id, row.site.id, null, now, reopen.dueAt!, false);
        }
      });
      return service.lookup(queryCode);
    },

    /** Gives every message without a case number its number (rows inserted by SQL); answers how many. */
    numberCases: () => caseNumbers(strapi).numberAll(),

    /** 公开答复: replied messages a site made public, newest first, names masked, no contact data. */
    async publicReplies({ site, page = 1, pageSize = 20 }: SitePageRequest) {
      const where = {
        isPublic: true,
        status: { $in: ['replied', 'closed'] },
        ...(site ? { site: { code: site } } : {}),
      };
      const { rows, pagination } = await findPage<PublicRow>(
        strapi,
        CITIZEN_MESSAGE,
        {
          where,
          populate: { site: { select: ['name', 'code'] } },
          orderBy: [{ repliedAt: 'desc' }, { id: 'desc' }],
        },
        { page, pageSize }
      );
      return {
        data: rows.map((row) => ({ ...publicView(row), name: maskName(row.name) })),
        meta: { pagination },
      };
    },
  };
  return service;
};

export default repliesService;
