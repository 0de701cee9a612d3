import { ACTIONS, requires } from '../permissions';

const read = requires(ACTIONS.reviewRead);
const submit = requires(ACTIONS.reviewSubmit);
const decide = requires(ACTIONS.reviewDecide);
const manageWords = requires(ACTIONS.reviewWords);

export default [
  { method: 'GET', path: '/review/queue', handler: 'review.queue', config: read },
  { method: 'GET', path: '/review/count', handler: 'review.count', config: read },
  { method: 'GET', path: '/review/articles/:documentId', handler: 'review.describe', config: read },
  {
    method: 'POST',
    path: '/review/articles/:documentId/submit',
    handler: 'review.submit',
    config: submit,
  },
  {
    method: 'POST',
    path: '/review/articles/:documentId/withdraw',
    handler: 'review.withdraw',
    config: submit,
  },
  {
    method: 'POST',
    path: '/review/articles/:documentId/approve',
    handler: 'review.approve',
    config: decide,
  },
  {
    method: 'POST',
    path: '/review/articles/:documentId/reject',
    handler: 'review.reject',
    config: decide,
  },
  { method: 'GET', path: '/review/words', handler: 'review.listWords', config: manageWords },
  { method: 'POST', path: '/review/words', handler: 'review.createWord', config: manageWords },
  { method: 'PUT', path: '/review/words/:id', handler: 'review.updateWord', config: manageWords },
  {
    method: 'DELETE',
    path: '/review/words/:id',
    handler: 'review.deleteWord',
    config: manageWords,
  },
  // 外链名单: kept by those who keep the word list.
  {
    method: 'GET',
    path: '/review/link-hosts',
    handler: 'review.listLinkHosts',
    config: manageWords,
  },
  {
    method: 'POST',
    path: '/review/link-hosts',
    handler: 'review.createLinkHost',
    config: manageWords,
  },
  {
    method: 'PUT',
    path: '/review/link-hosts/:id',
    handler: 'review.updateLinkHost',
    config: manageWords,
  },
  {
    method: 'DELETE',
    path: '/review/link-hosts/:id',
    handler: 'review.deleteLinkHost',
    config: manageWords,
  },
  // 规范表述: kept by those who keep the word list.
  {
    method: 'GET',
    path: '/review/wording-rules',
    handler: 'review.listWordingRules',
    config: manageWords,
  },
  {
    method: 'GET',
    path: '/review/wording-rules/export',
    handler: 'review.exportWordingRules',
    config: manageWords,
  },
  {
    method: 'POST',
    path: '/review/wording-rules/import',
    handler: 'review.importWordingRules',
    config: manageWords,
  },
  {
    method: 'POST',
    path: '/review/wording-rules',
    handler: 'review.createWordingRule',
    config: manageWords,
  },
  {
    method: 'PUT',
    path: '/review/wording-rules/:id',
    handler: 'review.updateWordingRule',
    config: manageWords,
  },
  {
    method: 'DELETE',
    path: '/review/wording-rules/:id',
    handler: 'review.deleteWordingRule',
    config: manageWords,
  },
];
