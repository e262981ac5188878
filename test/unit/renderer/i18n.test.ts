import { describe, expect, it } from 'vitest';
import { en as coreEn } from '../../../renderer/i18n/en';
import { ja as coreJa } from '../../../renderer/i18n/ja';
import { featuresEn } from '../../../renderer/i18n/features.en';
import { featuresJa } from '../../../renderer/i18n/features.ja';

const en = { ...coreEn, ...featuresEn };
const ja = { ...coreJa, ...featuresJa };

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  const enLeaves = new Map(leaves(en as unknown as Tree));
  const jaLeaves = new Map(leaves(ja as unknown as Tree));

  it('have the same keys in ja and en', () => {
    expect([...jaLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('are never empty', () => {
    for (const [key, text] of [...enLeaves, ...jaLeaves]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of enLeaves) expect(placeholders(jaLeaves.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('core and features never share a top-level key (one would hide the other)', () => {
    const shared = Object.keys(coreEn).filter((key) => key in featuresEn);
    expect(shared).toEqual([]);
  });

  it('are really translated: Japanese messages are not English left in place', () => {
    // Names and acronyms that Japanese writes the same way, and the Japanese rate names DOMAIN.md
    // uses in both languages' reports.
    const sameInBoth = new Set(['TwoHats', 'SEO', '商談化率', '成約率']);
    const untranslated = [...jaLeaves].filter(([key, text]) => text === enLeaves.get(key) && !sameInBoth.has(text) && !/^{{\w+}}$/.test(text));
    expect(untranslated).toEqual([]);
  });
});
