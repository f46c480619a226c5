import { describe, expect, it } from 'vitest';
import { assignIds } from '../../../src/node/idRegistry';
import { JsonSource } from '../../../src/node/jsonSource';
import { idRecord, type IdRecord } from '../../../src/schema/idRecord';

const committed = (r: IdRecord) => {
  const src = new JsonSource('course/ids.json', JSON.stringify(r, null, 2));
  return { src, data: src.check(idRecord)! };
};

describe('permanent id numbers', () => {
  it('numbers ids in course order on the first build', () => {
    const a = assignIds(['page:m/a', 'question:q1', 'node:q1/n1'], undefined);
    expect(Object.fromEntries(a.numbers)).toEqual({ 'page:m/a': 1, 'question:q1': 2, 'node:q1/n1': 3 });
    expect(a.record.next).toBe(4);
    expect(a.changed).toBe(true);
  });

  it('keeps published numbers when pages are reordered and appends new ids at the end', () => {
    const a = assignIds(['question:new', 'question:q1', 'page:m/a'], committed({ next: 3, ids: { 'page:m/a': 1, 'question:q1': 2 }, retired: {} }));
    expect(Object.fromEntries(a.numbers)).toEqual({ 'question:new': 3, 'question:q1': 2, 'page:m/a': 1 });
    expect(a.problems).toEqual([]);
  });

  it('retires ids that disappear and refuses them when they come back', () => {
    const first = assignIds(['page:m/a'], committed({ next: 3, ids: { 'page:m/a': 1, 'question:q1': 2 }, retired: {} }));
    expect(first.record.retired).toEqual({ 'question:q1': 2 });
    const again = assignIds(['page:m/a', 'question:q1'], committed(first.record));
    expect(again.problems[0].message).toContain('was published before and then removed');
  });

  it('refuses an id that changes kind', () => {
    const a = assignIds(['page:q1/n1'], committed({ next: 2, ids: { 'node:q1/n1': 1 }, retired: {} }));
    expect(a.problems[0]).toMatchObject({ file: 'course/ids.json', line: 4, message: expect.stringContaining('can never change kind') });
  });

  it('reports no change when nothing moved', () => {
    const r = { next: 2, ids: { 'page:m/a': 1 }, retired: {} };
    expect(assignIds(['page:m/a'], committed(r)).changed).toBe(false);
  });
});
