import { localYearOf } from '../../src/plugins/governance/server/src/time/local-year';
import { levelMessages, readFacts, readSites, siteArticles, siteVisits } from './demo-data';
import path from 'path';

const appRoot = path.join(__dirname, '..', '..');
const facts = readFacts(appRoot);
const sites = readSites(appRoot, facts);

describe('demo data', () => {
  it("has the notice's 120 sites, special topics and growth", () => {
    expect(sites).toHaveLength(120);
    const topics = (level: string) =>
      sites
        .filter((s) => (level === 'portal' ? s.level === 'portal' : s.level !== 'portal'))
        .reduce((n, s) => n + s.specialTopics2014, 0);
    expect(topics('portal')).toBe(facts.articles.special_topics.portal);
    expect(topics('rest')).toBe(facts.articles.special_topics.rest_of_group);
    const growth = sites.reduce((n, s) => n + s.articles2014 - s.articles2013, 0);
    expect(growth).toBe(facts.articles.prose_group_increase_over_2013);
  });

  it("marks 2013's special topics in each site's 2014 share, none where 2014 had none", () => {
    const total2013 = sites.reduce((n, s) => n + s.specialTopics2013, 0);
    expect(total2013).toBeGreaterThan(0);
    for (const s of sites) {
      expect(s.specialTopics2013).toBeLessThanOrEqual(s.articles2013);
      if (s.specialTopics2014 === 0) expect([s.code, s.specialTopics2013]).toEqual([s.code, 0]);
    }
    const portal = sites.find((s) => s.level === 'portal')!;
    expect(portal.specialTopics2013).toBe(
      Math.round((portal.articles2013 * portal.specialTopics2014) / portal.articles2014)
    );
  });

  it.each(['portal', 'xian', 'hancheng', 'dept-lottery'])(
    'gives %s exactly its count, all in local 2014, with unique slugs',
    (code) => {
      const site = sites.find((s) => s.code === code)!;
      const articles = [
        ...siteArticles(site, 2014, site.articles2014, site.specialTopics2014, facts.timezone),
      ];
      expect(articles).toHaveLength(site.articles2014);
      expect(articles.every((a) => localYearOf(a.publishedAt, facts.timezone) === 2014)).toBe(true);
      expect(new Set(articles.map((a) => a.slug)).size).toBe(articles.length);
      expect(articles.filter((a) => a.isSpecialTopic)).toHaveLength(site.specialTopics2014);
    }
  );

  it('is the same on every run', () => {
    const site = sites.find((s) => s.code === 'xian')!;
    const once = [...siteArticles(site, 2014, 20, 0, facts.timezone)];
    const again = [...siteArticles(site, 2014, 20, 0, facts.timezone)];
    expect(again).toEqual(once);
  });

  it("spreads each level's messages over its sites, every one replied after it arrived", () => {
    const counties = sites.filter((s) => s.level === 'county');
    const messages = [
      ...levelMessages(counties, facts.messages.replied_by_level.county!, 2014, facts.timezone),
    ];
    expect(messages).toHaveLength(facts.messages.replied_by_level.county!);
    expect(messages.every((m) => m.repliedAt > m.receivedAt)).toBe(true);
    expect(new Set(messages.map((m) => m.queryCode)).size).toBe(messages.length);
  });

  it("spreads the notice's visits over every site and day of the year, the six named sites most visited in its order", () => {
    const days = [...siteVisits(sites, facts)];
    expect(days).toHaveLength(sites.length * 365);
    expect(days.reduce((n, d) => n + d.visits, 0)).toBe(facts.visits.group_total);
    expect(
      days.every((d) => d.day.startsWith('2014-') && Number.isInteger(d.visits) && d.visits > 0)
    ).toBe(true);
    const perSite = new Map<string, number>();
    for (const d of days) perSite.set(d.siteCode, (perSite.get(d.siteCode) ?? 0) + d.visits);
    const cityAndCounty = sites
      .filter((s) => s.level === 'city' || s.level === 'county')
      .sort((a, b) => perSite.get(b.code)! - perSite.get(a.code)!)
      .slice(0, 6)
      .map((s) => s.name);
    expect(cityAndCounty).toEqual(facts.visits.top_visited_city_and_county_sites);
  });
});
