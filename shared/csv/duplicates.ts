/**
 * Duplicate leads: the same email address (case-insensitive), or the same company and person
 * (NFKC, ignoring case and whitespace, ideographic spaces included, so "株式会社 サンプル / 山田 太郎"
 * and "株式会社サンプル / 山田太郎" meet). Checked against the saved leads and within the file itself.
 */
import { foldKey } from './text';

export function emailKey(email: string | undefined): string | null {
  const key = email ? foldKey(email) : '';
  return key || null;
}

/** null when both are empty: such a row is an error, not a duplicate. */
export function nameKey(company: string, person: string): string | null {
  const c = foldKey(company);
  const p = foldKey(person);
  return c || p ? `${c}\u0000${p}` : null;
}

export interface ExistingKeys {
  emails: ReadonlySet<string>;
  names: ReadonlySet<string>;
}

export type DuplicateOf =
  | { of: 'existing'; by: 'email' | 'name' }
  /** `line`: the spreadsheet row of the earlier record it repeats. */
  | { of: 'file'; by: 'email' | 'name'; line: number };

export interface DuplicateCandidate {
  line: number;
  /** From `emailKey` and `nameKey`, computed with the row (in slices) rather than here. */
  emailKey: string | null;
  nameKey: string | null;
  /** Rows with errors never count as the first of a pair: they may be excluded. */
  hasErrors: boolean;
}

/**
 * Checks rows one after another, in file order, remembering the earlier ones: what each row
 * duplicates, or null. The first of equal rows in the file is not a duplicate. Stateful, so a
 * 50,000-row file can be checked in slices together with its conversion.
 */
export function duplicateFinder(existing: ExistingKeys): (row: DuplicateCandidate) => DuplicateOf | null {
  const seenEmail = new Map<string, number>();
  const seenName = new Map<string, number>();
  return (row) => {
    const email = row.emailKey;
    const name = row.nameKey;
    let result: DuplicateOf | null = null;
    if (email && existing.emails.has(email)) result = { of: 'existing', by: 'email' };
    else if (name && existing.names.has(name)) result = { of: 'existing', by: 'name' };
    else if (email && seenEmail.has(email)) result = { of: 'file', by: 'email', line: seenEmail.get(email) as number };
    else if (name && seenName.has(name)) result = { of: 'file', by: 'name', line: seenName.get(name) as number };
    if (!row.hasErrors) {
      if (email && !seenEmail.has(email)) seenEmail.set(email, row.line);
      if (name && !seenName.has(name)) seenName.set(name, row.line);
    }
    return result;
  };
}

/** One entry per row, in order: what it duplicates, or null. */
export function findDuplicates(rows: readonly DuplicateCandidate[], existing: ExistingKeys): (DuplicateOf | null)[] {
  const check = duplicateFinder(existing);
  return rows.map(check);
}

/** The keys of saved leads, for `findDuplicates`. */
export function keysOfLeads(leads: Iterable<{ company: string; person: string; email?: string }>): { emails: Set<string>; names: Set<string> } {
  const emails = new Set<string>();
  const names = new Set<string>();
  for (const lead of leads) {
    const email = emailKey(lead.email);
    if (email) emails.add(email);
    const name = nameKey(lead.company, lead.person);
    if (name) names.add(name);
  }
  return { emails, names };
}
