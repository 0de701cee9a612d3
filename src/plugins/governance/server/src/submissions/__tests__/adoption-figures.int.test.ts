/**
 * Issue 25, trick 8: adoptions that outlive the adoption. A county submits, the portal adopts,
 * then the copy (or the source) is unpublished or deleted on every path: the ranking's 报送 and
 * 采用 follow, and the submission carries the event with who and when; republishing restores it.
 */
import { DateTime } from 'luxon';
import {
  createReviewTeam,
  publishReviewed,
  approveArticle,
  type ReviewTeam,
} from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import type { RankingResponse } from '../../../../shared/contracts/rankings';
import type { Submission, SubmissionPage } from '../../../../shared/contracts/submissions';
import { ARTICLE, AUDIT_ENTRY, SUBMISSION } from '../../uids';

let app: TestApp;
let team: ReviewTeam;
let province: TestAdmin;
let countyEditor: TestAdmin;
let portalEditor: TestAdmin;
let root: TestAdmin;
let sites: Record<'portal' | 'xian' | 'xian-beilin', string>;
const year = DateTime.now().setZone('Asia/Shanghai').year;
const CM = `/content-manager/collection-types/${ARTICLE}`;

/** The county's 报送 and 采用 as the province's ranking panel shows them. */
const countyFigures = async () => {
  const res = await asAdmin(app, province).get(`/governance/rankings?year=${year}`).expect(200);
  const row = (res.body.data as RankingResponse).live.groups
    .flatMap((group) => group.rows)
    .find((r) => r.site.code === 'xian-beilin')!;
  return { submitted: row.submitted, adopted: row.adopted };
};

/** The submission as the county's 我的报送 lists it. */
const outgoing = async (id: number) =>
  (
    (await asAdmin(app, countyEditor).get('/governance/submissions/outgoing').expect(200))
      .body as SubmissionPage
  ).data.find((s) => s.id === id) as Submission;

/** Submits a new published county article to the portal, adopts it, publishes the copy. */
const adoptedAndOnline = async (title: string) => {
  const source = await publishReviewed(app, team, { title, site: sites['xian-beilin'] });
  const sent = await asAdmin(app, countyEditor)
    .post('/governance/submissions', { article: source.documentId, target: 'portal' })
    .expect(201);
  const id = sent.body.data.id as number;
  const adopted = await asAdmin(app, portalEditor)
    .post(`/governance/submissions/${id}/adopt`)
    .expect(200);
  const copy = adopted.body.data.articleDocumentId as string;
  return { id, source: source.documentId, copy };
};

const publishCopy = async (copy: string) => {
  await approveArticle(app, team, copy);
  await app.strapi.documents(ARTICLE).publish({ documentId: copy });
};

beforeAll(async () => {
  app = await startApp('adoption-figures');
  team = await createReviewTeam(app);
  ({
    sites,
    staff: { province, countyEditor, portalEditor },
  } = await createSitesAndStaff(app, {
    sites: {
      portal: { name: '陕西民政网', level: 'portal' },
      xian: { name: '西安市', level: 'city' },
      'xian-beilin': { name: '碑林区', level: 'county', parent: 'xian' },
    },
    staff: {
      province: ['governance-provincial-admin', '建国'],
      countyEditor: ['governance-site-editor', '县编辑', { 'xian-beilin': 'editor' }],
      portalEditor: ['governance-site-editor', '门户编辑', { portal: 'editor' }],
    },
  }));
  root = await createAdmin(app, 'strapi-super-admin', '运维');
});

afterAll(async () => {
  await app?.stop();
});

describe('采用 counts only while the adopted copy is online', () => {
  let first: { id: number; source: string; copy: string };

  it('counts an adoption from the copy’s publication, not from the decision', async () => {
    first = await adoptedAndOnline('碑林区冬季救助经验');
    // Adopted, but the copy is still a draft: 报送 yes, 采用 not yet.
    expect(await countyFigures()).toEqual({ submitted: 1, adopted: 0 });
    expect(await outgoing(first.id)).toMatchObject({
      status: 'adopted',
      counted: true,
      adoptionCounted: false,
    });
    await publishCopy(first.copy);
    expect(await countyFigures()).toEqual({ submitted: 1, adopted: 1 });
    expect((await outgoing(first.id)).events.map((e) => e.type)).toEqual(['copyPublished']);
  });

  it('drops it when the copy is unpublished in the Content Manager, with an event, and restores it on republication', async () => {
    await asAdmin(app, root).post(`${CM}/${first.copy}/actions/unpublish`).expect(200);
    expect(await countyFigures()).toEqual({ submitted: 1, adopted: 0 });
    const withdrawn = await outgoing(first.id);
    expect(withdrawn.adoptionCounted).toBe(false);
    expect(withdrawn.events.at(-1)).toMatchObject({
      type: 'adoptionWithdrawn',
      how: 'unpublished',
      byName: expect.stringContaining('运维'),
    });
    expect(Date.now() - new Date(withdrawn.events.at(-1)!.at).getTime()).toBeLessThan(60_000);
    const entry = await app.strapi.db.query(AUDIT_ENTRY).findOne({
      where: { action: 'submission.adoptionWithdrawn' },
      orderBy: { seq: 'desc' },
    });
    expect(entry.summary).toContain('撤销发布采用稿《碑林区冬季救助经验》，该报送不再计为采用');

    await app.strapi.documents(ARTICLE).publish({ documentId: first.copy });
    expect(await countyFigures()).toEqual({ submitted: 1, adopted: 1 });
    expect((await outgoing(first.id)).events.map((e) => e.type)).toEqual([
      'copyPublished',
      'adoptionWithdrawn',
      'adoptionRestored',
    ]);
  });

  it('drops it for good when the copy is deleted through the Content Manager', async () => {
    await asAdmin(app, root).delete(`${CM}/${first.copy}`).expect(200);
    expect(await countyFigures()).toEqual({ submitted: 1, adopted: 0 });
    expect((await outgoing(first.id)).events.at(-1)).toMatchObject({
      type: 'adoptionWithdrawn',
      how: 'deleted',
    });
    // The province still sees the submission as adopted, with its trace.
    const row = await app.strapi.db.query(SUBMISSION).findOne({ where: { id: first.id } });
    expect(row).toMatchObject({ status: 'adopted', copyPublished: false });
  });

  it('follows bulk unpublication and the Document Service’s delete too', async () => {
    const a = await adoptedAndOnline('碑林区养老服务');
    const b = await adoptedAndOnline('碑林区社区治理');
    await publishCopy(a.copy);
    await publishCopy(b.copy);
    expect(await countyFigures()).toEqual({ submitted: 3, adopted: 2 });
    await asAdmin(app, root)
      .post(`${CM}/actions/bulkUnpublish`, { documentIds: [a.copy] })
      .expect(200);
    await app.strapi.documents(ARTICLE).delete({ documentId: b.copy });
    expect(await countyFigures()).toEqual({ submitted: 3, adopted: 0 });
    expect((await outgoing(a.id)).events.at(-1)).toMatchObject({ type: 'adoptionWithdrawn' });
    expect((await outgoing(b.id)).events.at(-1)).toMatchObject({
      type: 'adoptionWithdrawn',
      how: 'deleted',
      byName: '系统',
    });
  });
});

describe('报送 counts only while its source is online', () => {
  it('drops a submission whose source is unpublished, and restores it on republication', async () => {
    const source = await publishReviewed(app, team, {
      title: '碑林区便民服务',
      site: sites['xian-beilin'],
    });
    const before = await countyFigures();
    const sent = await asAdmin(app, countyEditor)
      .post('/governance/submissions', { article: source.documentId, target: 'xian' })
      .expect(201);
    expect(await countyFigures()).toEqual({ ...before, submitted: before.submitted + 1 });
    await app.strapi.documents(ARTICLE).unpublish({ documentId: source.documentId });
    expect(await countyFigures()).toEqual(before);
    expect(await outgoing(sent.body.data.id)).toMatchObject({
      counted: false,
      events: [expect.objectContaining({ type: 'sourceWithdrawn', how: 'unpublished' })],
    });
    await app.strapi.documents(ARTICLE).publish({ documentId: source.documentId });
    expect(await countyFigures()).toEqual({ ...before, submitted: before.submitted + 1 });
    expect((await outgoing(sent.body.data.id)).events.at(-1)?.type).toBe('sourceRestored');
  });

  it('sets the flags of submissions recorded before the rule from the articles as they are', async () => {
    const source = await publishReviewed(app, team, {
      title: '规则之前的报送',
      site: sites['xian-beilin'],
    });
    const sent = await asAdmin(app, countyEditor)
      .post('/governance/submissions', { article: source.documentId, target: 'xian' })
      .expect(201);
    await app.strapi.db.query(SUBMISSION).update({
      where: { id: sent.body.data.id },
      data: { sourcePublished: null, copyPublished: null },
    });
    const count = await app.strapi.plugin('governance').service('submissions').followAllOnce();
    expect(count).toBeGreaterThanOrEqual(2);
    expect(
      await app.strapi.db.query(SUBMISSION).findOne({ where: { id: sent.body.data.id } })
    ).toMatchObject({ sourcePublished: true, copyPublished: false });
    expect(await app.strapi.plugin('governance').service('submissions').followAllOnce()).toBe(0);
  });
});
