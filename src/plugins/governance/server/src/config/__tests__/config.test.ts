import config from '..';

describe('governance config', () => {
  it('accepts the defaults', () => {
    expect(() => config.validator(config.default)).not.toThrow();
  });

  it.each([['Beijing'], [''], [undefined], ['UTC+8']])('stops the boot on time zone %p', (timezone) => {
    expect(() => config.validator({ ...config.default, timezone: timezone as string })).toThrow(/IANA time zone/);
  });

  it('stops the boot on an empty group name', () => {
    expect(() => config.validator({ ...config.default, groupName: ' ' })).toThrow(/groupName/);
  });

  it('stops the boot on a review chain without the confidentiality review', () => {
    expect(() => config.validator({ ...config.default, review: { default: ['leader', 'approver'] } })).toThrow(/confidentiality review/);
  });

  it.each([[0], [61], [2.5], ['5']])('stops the boot on %p working days to reply', (days) => {
    const replies = { ...config.default.replies, workingDays: { ...config.default.replies.workingDays, complaint: days as number } };
    expect(() => config.validator({ ...config.default, replies })).toThrow(/workingDays.complaint/);
  });

  it('stops the boot on a rate limit without points', () => {
    const replies = { ...config.default.replies, rateLimit: { points: 0, duration: 60 } };
    expect(() => config.validator({ ...config.default, replies })).toThrow(/rateLimit/);
  });

  it.each([[['https://img.example.gov.cn']], [['*.example.gov.cn']], [['IMG.example.gov.cn']], ['img.example.gov.cn'], [[42]]])(
    'stops the boot on image hosts %p',
    (imageHosts) => {
      expect(() => config.validator({ ...config.default, articles: { imageHosts: imageHosts as string[] } })).toThrow(/imageHosts/);
    }
  );

  it('accepts a list of image hosts', () => {
    expect(() => config.validator({ ...config.default, articles: { imageHosts: ['img.example.gov.cn', 'cdn-1.example.org'] } })).not.toThrow();
  });
});
