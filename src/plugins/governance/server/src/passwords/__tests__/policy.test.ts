import { daysLeft, passwordProblems, PROFILES, resolvePolicy } from '../policy';

const dengbao = PROFILES.dengbao3;

describe('the password policy', () => {
  it('asks the 等保 profile for 8 characters from 3 of 4 classes', () => {
    expect(passwordProblems('Xian-2026', dengbao, { email: 'li.hua@example.com' })).toEqual([]);
    expect(passwordProblems('xianxian2026', dengbao, {})).toEqual(['tooFewClasses']);
    expect(passwordProblems('Xi-26', dengbao, {})).toEqual(['tooShort']);
  });

  it('refuses the account name and common passwords dressed up with classes', () => {
    expect(passwordProblems('Li.hua-2026', dengbao, { email: 'li.hua@example.com' })).toEqual([
      'containsAccount',
    ]);
    expect(passwordProblems('Admin123!', dengbao, {})).toEqual(['common']);
    expect(passwordProblems('P@ssw0rd', dengbao, {})).toEqual(['common']);
    // A long passphrase that merely contains a common word is fine.
    expect(passwordProblems('Password-of-the-Weihe-River', dengbao, {})).toEqual([]);
  });

  it('has a NIST profile: long, no composition rules of its own, no rotation', () => {
    expect(passwordProblems('weihe river flows east', PROFILES.nist, {})).toEqual([]);
    expect(passwordProblems('Xian-2026', PROFILES.nist, {})).toEqual(['tooShort']);
    expect(PROFILES.nist.maxAgeDays).toBeNull();
  });

  it("takes a profile with the deployment's own values, and refuses impossible ones", () => {
    expect(
      resolvePolicy({ profile: 'dengbao3', maxAgeDays: 60, reminderDays: [3, 14, 7] })
    ).toMatchObject({ maxAgeDays: 60, reminderDays: [14, 7, 3], lockAfter: 5 });
    expect(() => resolvePolicy({ profile: 'lenient' as never })).toThrow(/profile/);
    expect(() => resolvePolicy({ profile: 'dengbao3', minLength: 4 })).toThrow(/minLength/);
    expect(() => resolvePolicy({ profile: 'dengbao3', lockAfter: 0 })).toThrow(/lockAfter/);
  });

  it('counts the days left before expiry: 0 on the last day', () => {
    const now = new Date('2026-11-26T02:00:00Z');
    expect(daysLeft(new Date('2026-11-26T20:00:00Z'), now)).toBe(0);
    expect(daysLeft(new Date('2026-12-10T01:00:00Z'), now)).toBe(13);
    expect(daysLeft(new Date('2026-11-25T20:00:00Z'), now)).toBeLessThan(0);
  });
});
