import config from '..';

describe('governance config', () => {
  const keyed = { ...config.default, audit: { ...config.default.audit, key: 'k'.repeat(32) } };

  it('accepts the defaults, with an audit key', () => {
    expect(() => config.validator(keyed)).not.toThrow();
  });

  it.each([[''], ['too-short'], [undefined]])('stops the boot on the audit key %p', (key) => {
    expect(() =>
      config.validator({ ...keyed, audit: { ...keyed.audit, key: key as string } })
    ).toThrow(/AUDIT_KEY is not set/);
  });

  it.each([
    [{ file: '', every: 1000, rule: '*/10 * * * *' }, /checkpoints needs a file/],
    [{ file: 'x.jsonl', every: 0, rule: '*/10 * * * *' }, /checkpoints needs a file/],
    [{ file: 'x.jsonl', every: 10, rule: 'often' }, /checkpoints.rule/],
  ])('stops the boot on the checkpoints %p', (checkpoints, message) => {
    expect(() => config.validator({ ...keyed, audit: { ...keyed.audit, checkpoints } })).toThrow(
      message
    );
  });

  it.each([
    [{ image: 10, pdf: 50, ofd: 50, office: 50 }],
    [{ image: 0, pdf: 50, ofd: 50, office: 50, text: 5 }],
    [{ image: 10, pdf: 2048, ofd: 50, office: 50, text: 5 }],
  ])('stops the boot on the media size limits %p', (sizeLimitsMb) => {
    expect(() =>
      config.validator({ ...keyed, media: { sizeLimitsMb } as typeof keyed.media })
    ).toThrow(/media.sizeLimitsMb/);
  });

  it.each<[Partial<typeof keyed.inspection.links>]>([
    [{ timeoutMs: 0 }],
    [{ perHost: 1.5 }],
    [{ politenessMs: -1 }],
    [{ recheckDays: undefined }],
  ])('stops the boot on the link check settings %p', (change) => {
    expect(() =>
      config.validator({
        ...keyed,
        inspection: { links: { ...keyed.inspection.links, ...change } },
      })
    ).toThrow(/governance.inspection.links/);
  });

  it.each([0, 1.5, 17, '2'])('stops the boot on %p checking threads', (checkThreads) => {
    expect(() =>
      config.validator({
        ...keyed,
        inspection: { ...keyed.inspection, checkThreads: checkThreads as number },
      })
    ).toThrow(/governance.inspection.checkThreads/);
  });

  it('takes a link check without a pause between requests', () => {
    expect(() =>
      config.validator({
        ...keyed,
        inspection: { links: { ...keyed.inspection.links, politenessMs: 0 } },
      })
    ).not.toThrow();
  });

  it('stops the boot on a failed-login cap of 0', () => {
    expect(() =>
      config.validator({
        ...keyed,
        audit: { ...keyed.audit, failedLogins: { perSource: 0, windowSeconds: 600 } },
      })
    ).toThrow(/failedLogins/);
  });

  it.each([['Beijing'], [''], [undefined], ['UTC+8']])(
    'stops the boot on time zone %p',
    (timezone) => {
      expect(() => config.validator({ ...keyed, timezone: timezone as string })).toThrow(
        /IANA time zone/
      );
    }
  );

  it.each<[Record<string, number | undefined>, string]>([
    [{ rampFactor: 1 }, 'a ramp factor of 1'],
    [{ rampFactor: 6 }, 'a ramp factor above the spike factor'],
    [{ lagDays: -1 }, 'a negative lag'],
    [{ lagDays: 1.5 }, 'a lag of part of a day'],
    [{ baselineDays: 0 }, 'an empty baseline'],
    [{ rampDays: undefined }, 'no ramp window'],
  ])('stops the boot on visit anomaly settings with %p (%s)', (change, _why) => {
    const visits = {
      ...config.default.visits,
      anomaly: {
        ...config.default.visits.anomaly,
        ...change,
      } as typeof config.default.visits.anomaly,
    };
    expect(() => config.validator({ ...keyed, visits })).toThrow(/visits.anomaly/);
  });

  it('takes a lag of 0 days (the baseline right behind the day)', () => {
    const visits = {
      ...config.default.visits,
      anomaly: { ...config.default.visits.anomaly, lagDays: 0 },
    };
    expect(() => config.validator({ ...keyed, visits })).not.toThrow();
  });

  it('stops the boot on an empty group name', () => {
    expect(() => config.validator({ ...keyed, groupName: ' ' })).toThrow(/groupName/);
  });

  it('stops the boot on a review chain without the confidentiality review', () => {
    expect(() =>
      config.validator({ ...keyed, review: { default: ['leader', 'approver'] } })
    ).toThrow(/confidentiality review/);
  });

  it.each([[0], [16], [61], [2.5], ['5']])('stops the boot on %p working days to reply', (days) => {
    const replies = {
      ...config.default.replies,
      workingDays: { ...config.default.replies.workingDays, complaint: days as number },
    };
    expect(() => config.validator({ ...keyed, replies })).toThrow(/workingDays.complaint/);
  });

  it('stops the boot on limits looser than the national ones (consultation 6 working days)', () => {
    const replies = {
      ...config.default.replies,
      maxWorkingDays: { ...config.default.replies.maxWorkingDays, consultation: 6 },
    };
    expect(() => config.validator({ ...keyed, replies })).toThrow(/maxWorkingDays.consultation/);
  });

  it('stops the boot on a rate limit without points', () => {
    const replies = { ...config.default.replies, rateLimit: { points: 0, duration: 60 } };
    expect(() => config.validator({ ...keyed, replies })).toThrow(/rateLimit/);
  });

  it.each([
    [['https://img.example.gov.cn']],
    [['*.example.gov.cn']],
    [['IMG.example.gov.cn']],
    ['img.example.gov.cn'],
    [[42]],
  ])('stops the boot on image hosts %p', (imageHosts) => {
    expect(() =>
      config.validator({
        ...keyed,
        articles: { ...keyed.articles, imageHosts: imageHosts as string[] },
      })
    ).toThrow(/imageHosts/);
  });

  it.each([
    [{ minTitleChars: -1, minBodyChars: 50 }, 365],
    [{ minTitleChars: 5, minBodyChars: 1.5 }, 365],
    [undefined, 365],
    [{ minTitleChars: 5, minBodyChars: 50 }, 0],
  ])('stops the boot on trivial-article minimums %p and window %p', (trivial, days) => {
    expect(() =>
      config.validator({
        ...keyed,
        articles: {
          ...keyed.articles,
          trivial: trivial as { minTitleChars: number; minBodyChars: number },
          duplicateWindowDays: days,
        },
      })
    ).toThrow(/governance\.articles\.(trivial|duplicateWindowDays)/);
  });

  it('accepts a list of image hosts', () => {
    expect(() =>
      config.validator({
        ...keyed,
        articles: { ...keyed.articles, imageHosts: ['img.example.gov.cn', 'cdn-1.example.org'] },
      })
    ).not.toThrow();
  });
});
