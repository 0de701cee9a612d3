import { siteRefOf } from '../site-input';

describe('siteRefOf', () => {
  it.each([
    ['a documentId', 'abc123', { documentId: 'abc123' }],
    ['a numeric id', 7, { id: 7 }],
    ['{ documentId }', { documentId: 'abc' }, { documentId: 'abc' }],
    ['{ id } as a number', { id: 7 }, { id: 7 }],
    ['{ id } as a string of digits', { id: '7' }, { id: 7 }],
    ['connect with one', { connect: [{ documentId: 'abc' }] }, { documentId: 'abc' }],
    ['set with one', { set: ['abc'] }, { documentId: 'abc' }],
    ['an array of one', ['abc'], { documentId: 'abc' }],
  ])('reads %s', (_label, input, expected) => {
    expect(siteRefOf(input)).toEqual(expected);
  });

  it.each([
    ['null', null],
    ['an empty set', { set: [] }],
    ['a disconnect', { disconnect: [{ documentId: 'abc' }] }],
    ['an empty array', []],
  ])('reads %s as removing the site', (_label, input) => {
    expect(siteRefOf(input)).toBeNull();
  });

  it.each([
    ['nothing', undefined],
    ['an empty connect', { connect: [] }],
    ['an empty disconnect', { disconnect: [] }],
  ])('reads %s as leaving the site alone', (_label, input) => {
    expect(siteRefOf(input)).toBeUndefined();
  });
});
