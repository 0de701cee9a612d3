import { sourceOf } from '../login-failures';

/** Failed logins are capped per source: an IPv4 address, or an IPv6 address's /64 (one subscriber's network). */
describe.each([
  ['203.0.113.9', '203.0.113.9'],
  ['::ffff:203.0.113.9', '203.0.113.9'],
  ['2001:db8:12:34::1', '2001:db8:12:34::/64'],
  ['2001:db8:12:34:aaaa:bbbb:cccc:dddd', '2001:db8:12:34::/64'],
  ['2001:db8::5', '2001:db8:0:0::/64'],
  ['::1', '0:0:0:0::/64'],
])('the source of %s', (ip, source) => {
  it(`is ${source}`, () => {
    expect(sourceOf(ip)).toBe(source);
  });
});
