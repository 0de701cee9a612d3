/**
 * 信息报送 under way in the demo, through the submissions service, by the demo accounts: 汉滨区's
 * editor 张敏 has sent three of its articles to the portal and one to 安康市; the portal's editor
 * 孙磊 adopted one (a portal draft naming its source), declined one with a reason, and one waits.
 * Runs once: nothing is added when any submission exists.
 */
import type { Core } from '@strapi/strapi';
import { userByEmail } from './demo-accounts';

const SUBMISSION = 'plugin::governance.submission';

/** 汉滨区's published 2014 articles, by the loader's slugs. */
const hanbin = async (strapi: Core.Strapi, n: number) => {
  const slug = `ankang-hanbin-2014-${String(n).padStart(5, '0')}`;
  const article = await strapi.db
    .query('api::article.article')
    .findOne({ where: { slug, publishedAt: { $notNull: true } }, select: ['documentId'] });
  if (!article) throw new Error(`demo submissions: the article ${slug} is not loaded`);
  return article.documentId as string;
};

export const ensureDemoSubmissions = async (strapi: Core.Strapi) => {
  if ((await strapi.db.query(SUBMISSION).count()) > 0) return 0;
  const submissions = strapi.plugin('governance').service('submissions');
  const [countyEditor, portalEditor] = await Promise.all(
    ['ankang-hanbin.editor@demo.example', 'portal.editor@demo.example'].map((email) =>
      userByEmail(strapi, email)
    )
  );

  const adopted = await submissions.submit(
    {
      article: await hanbin(strapi, 1),
      target: 'portal',
      note: '汉滨区社会救助工作经验，供门户网站参考',
    },
    countyEditor
  );
  await submissions.adopt(adopted.id, portalEditor);
  const declined = await submissions.submit(
    { article: await hanbin(strapi, 2), target: 'portal', note: null },
    countyEditor
  );
  await submissions.decline(
    declined.id,
    '内容与门户网站本月已发布的信息重复，请报送新的工作动态',
    portalEditor
  );
  await submissions.submit(
    { article: await hanbin(strapi, 3), target: 'portal', note: '汉滨区冬季救助开展情况' },
    countyEditor
  );
  await submissions.submit(
    { article: await hanbin(strapi, 3), target: 'ankang', note: null },
    countyEditor
  );
  return 4;
};
