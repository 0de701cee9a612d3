import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { SITE_MEMBERSHIP } from '../uids';
import { dbNames } from '../utils/db-names';
import { ARTICLE, DECISION, PENDING, STATE } from './store';

/**
 * The review states (`s`) waiting for a decision `userId` may take now, as one SQL query:
 * the round waits at a step the user holds for the article's site, and the user neither wrote,
 * edited nor submitted the article, nor approved another step of this round. The same rule as
 * access.ts asks of one article, for every article at once: the queue lists these and the menu
 * badge counts them, without a query per article.
 */
export const waitingFor = (strapi: Core.Strapi, userId: number): Knex.QueryBuilder => {
  const db = strapi.db.connection;
  const state = dbNames(strapi, STATE);
  const stateSite = state.joinTable('site');
  const submittedBy = state.joinTable('submittedBy');
  const article = dbNames(strapi, ARTICLE);
  const membership = dbNames(strapi, SITE_MEMBERSHIP);
  const memberUser = membership.joinTable('user');
  const memberSite = membership.joinTable('site');
  const decision = dbNames(strapi, DECISION);
  const decisionActor = decision.joinTable('actor');
  const contributors = `s.${state.column('contributors')}`;

  const holdsStep = db(`${membership.table} as m`)
    .join(`${memberUser.table} as mu`, `mu.${memberUser.ownerColumn}`, 'm.id')
    .join(`${memberSite.table} as ms`, `ms.${memberSite.ownerColumn}`, 'm.id')
    .where(`mu.${memberUser.targetColumn}`, userId)
    .where(`ms.${memberSite.targetColumn}`, db.ref(`ss.${stateSite.targetColumn}`))
    .where(`m.${membership.column('capacity')}`, db.ref(`s.${state.column('currentCapacity')}`));
  const submittedIt = db(`${submittedBy.table} as sb`)
    .where(`sb.${submittedBy.ownerColumn}`, db.ref('s.id'))
    .where(`sb.${submittedBy.targetColumn}`, userId);
  const approvedThisRound = db(`${decision.table} as d`)
    .join(`${decisionActor.table} as da`, `da.${decisionActor.ownerColumn}`, 'd.id')
    .where(
      `d.${decision.column('articleDocumentId')}`,
      db.ref(`s.${state.column('articleDocumentId')}`)
    )
    .where(`d.${decision.column('round')}`, db.ref(`s.${state.column('round')}`))
    .where(`d.${decision.column('action')}`, 'approve')
    .where(`da.${decisionActor.targetColumn}`, userId);

  const query = db(`${state.table} as s`)
    .join(`${stateSite.table} as ss`, `ss.${stateSite.ownerColumn}`, 's.id')
    .join(`${article.table} as a`, function draftOfState() {
      this.on(
        `a.${article.column('documentId')}`,
        '=',
        `s.${state.column('articleDocumentId')}`
      ).andOnNull(`a.${article.column('publishedAt')}`);
    })
    .whereIn(`s.${state.column('status')}`, PENDING)
    .whereExists(holdsStep)
    .whereNotExists(submittedIt)
    .whereNotExists(approvedThisRound);
  for (const author of ['createdBy', 'updatedBy']) {
    const column = `a.${article.joinColumn(author)}`;
    query.where((q) => q.whereNull(column).orWhereNot(column, userId));
  }
  // Contributors are a JSON array of user ids: SQLite has no JSON containment, only json_each.
  if (strapi.db.dialect.client === 'sqlite')
    query.whereRaw('not exists (select 1 from json_each(??) where json_each.value = ?)', [
      contributors,
      userId,
    ]);
  else
    query.where((q) => q.whereNull(contributors).orWhereJsonNotSupersetOf(contributors, [userId]));
  return query;
};
