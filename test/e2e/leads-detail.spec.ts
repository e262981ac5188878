/**
 * Issue 4, parts 2–4, as a user would: a lead added by keyboard alone, opened from the toast, a
 * contact logged, moved to opportunity and won with its value and decision moment; business cards
 * from one event saved at once (or not at all when one card is wrong); a card logged as a contact
 * of a lead that exists. The clock is fixed, so the dates on screen are exact.
 */
import { test, expect, type Page } from './fixtures';
import { LeadPages } from './pages/LeadPages';
import { MESSAGES } from './pages/labels';
import type { Lead, LeadEvent } from '../../shared/domain/model';

const at = (hhmm: string, day = '2026-11-17') => new Date(`${day}T${hhmm}:00+09:00`);

/** Reads a table of the app's IndexedDB as it is stored (no app code involved). */
function readTable<T>(page: Page, table: 'leads' | 'leadEvents'): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('twohats');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

test.describe('in English', () => {
  test.use({ language: 'en' });

  test('quick add by keyboard, open from the toast, contact, opportunity, won with value and decision moment', async ({ app, page }) => {
    await page.clock.setFixedTime(at('10:00')); // Tuesday
    const leads = new LeadPages(page, 'en');
    await app.open('/leads');

    // Keyboard only: focus the button, Enter opens the form with the company focused.
    await leads.quickAddButton.focus();
    await page.keyboard.press('Enter');
    await expect(leads.quickAdd).toBeVisible();
    await expect(leads.quickAddField('company')).toBeFocused();
    await page.keyboard.type('ACME Corp');
    await page.keyboard.press('Tab');
    await expect(leads.quickAddField('person')).toBeFocused();
    await page.keyboard.type('Taro Yamada');
    await page.keyboard.press('Tab');
    await expect(leads.quickAddField('source')).toBeFocused();
    await page.keyboard.type('News'); // type-ahead in the closed select
    await expect(leads.quickAddField('source')).toHaveValue('newsletter');
    await app.screenshot('en-lead-quick-add');
    await page.keyboard.press('Enter');
    await expect(leads.quickAdd).toBeHidden();

    // A lead from marketing: the toast offers to open it, a second one to log it as a win.
    await expect(leads.toast('Lead added: ACME Corp')).toBeVisible();
    await expect(leads.toast('A lead from marketing is evidence worth keeping.').getByRole('button', { name: 'Log as a win' })).toBeVisible();
    await leads.toast('Lead added: ACME Corp').getByRole('button', { name: 'Open' }).click();
    await expect(page).toHaveURL(/#\/leads\/lead\/[0-9a-f-]{36}$/);
    await expect(leads.leadHeading('ACME Corp')).toBeVisible();
    const header = leads.header('ACME Corp');
    await expect(header.getByText('Taro Yamada')).toBeVisible();
    await expect(leads.fact(header, 'Source')).toHaveText('Newsletter Marketing origin');
    await expect(header.getByText('Created Nov 17, 2026')).toBeVisible();
    await leads.expectStage('new');
    // Created Tuesday 10:00 with a 24 h SLA in business time: due Wednesday 10:00.
    await expect(leads.fact(leads.followUp, 'Follow-up rule')).toHaveText('First contact due Nov 18, 2026 10:00 AM');
    await expect(leads.fact(leads.followUp, 'Last contact')).toHaveText('No contact yet');

    // The first contact, two hours later: the lead is contacted and the SLA met.
    await page.clock.setFixedTime(at('12:00'));
    await leads.logContact({ channel: 'call', note: 'Asked for a quote for 20 seats' });
    await expect(leads.toast('Call logged')).toBeVisible();
    await leads.expectStage('contacted');
    await expect(header.getByText('Followed up in time')).toBeVisible();
    await expect(leads.fact(leads.followUp, 'Follow-up rule')).toHaveText('Met: first contact Nov 17, 2026 12:00 PM');
    await expect(leads.history.getByRole('listitem')).toHaveCount(3); // created, moved, the call

    await leads.stageButton('opportunity').click();
    await leads.expectStage('opportunity');
    await expect(leads.toast('Moved to Opportunity').getByRole('button', { name: 'Undo' })).toBeVisible();
    await expect(leads.toast('ACME Corp is now an opportunity').getByRole('button', { name: 'Log as a win' })).toBeVisible();

    // Won: the value as typed in a Japanese office, and the decision moment; Enter saves.
    await page.clock.setFixedTime(at('15:00'));
    await leads.stageButton('won').click();
    const won = leads.stageDialog('won');
    await expect(won).toBeVisible();
    await won.getByLabel('Deal value').fill('600,000');
    await expect(won.getByText('Reads as ¥600,000')).toBeVisible();
    await won.getByLabel('Decision moment: what made them choose us?').fill('The case study of a firm like theirs');
    await app.screenshot('en-lead-won-dialog');
    await won.getByLabel('Decision moment: what made them choose us?').press('Enter');
    await expect(won).toBeHidden();

    await leads.expectStage('won');
    await expect(header.getByText('Won', { exact: true })).toBeVisible();
    await expect(leads.fact(leads.details, 'Deal value')).toHaveText('¥600,000');
    await expect(leads.fact(leads.outcome, 'Decision moment')).toHaveText('The case study of a firm like theirs');
    await expect(leads.toast('Won ACME Corp').getByRole('button', { name: 'Log as a win' })).toBeVisible();
    await expect(leads.history.getByText('Moved from Opportunity to Won')).toBeVisible();

    // Nothing lives only in memory.
    await page.reload();
    await leads.expectStage('won');
    await expect(leads.fact(leads.details, 'Deal value')).toHaveText('¥600,000');
    await app.screenshot('en-lead-detail');

    const [lead] = await readTable<Lead>(page, 'leads');
    expect(lead).toMatchObject({ company: 'ACME Corp', person: 'Taro Yamada', source: 'newsletter', stage: 'won', value: 600000, decisionMoment: 'The case study of a firm like theirs' });
  });

  test('quick add says what is missing, keeps the source for the next lead, and Escape cancels', async ({ app, page }) => {
    await page.clock.setFixedTime(at('10:00'));
    const leads = new LeadPages(page, 'en');
    await app.open('/leads');
    await leads.quickAddButton.click();
    await page.keyboard.press('Enter');
    await expect(leads.quickAdd.getByText('Enter a company or a person.')).toBeVisible();
    await expect(leads.quickAdd.getByText('Choose where the lead came from.')).toBeVisible();
    await expect(leads.quickAddField('company')).toHaveAttribute('aria-invalid', 'true');

    await leads.quickAddField('company').fill('Beta Inc.');
    await leads.quickAddField('source').selectOption('webinar');
    await leads.quickAdd.getByLabel('Add another after this one').check();
    await leads.quickAddField('person').press('Control+Enter');
    await expect(leads.toast('Lead added: Beta Inc.')).toBeVisible();
    // Still open, emptied, the source kept, the company focused for the next one.
    await expect(leads.quickAdd).toBeVisible();
    await expect(leads.quickAddField('company')).toHaveValue('');
    await expect(leads.quickAddField('company')).toBeFocused();
    await expect(leads.quickAddField('source')).toHaveValue('webinar');
    await page.keyboard.type('Gamma KK');
    await page.keyboard.press('Enter');
    await expect(leads.toast('Lead added: Gamma KK')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(leads.quickAdd).toBeHidden();
    expect((await readTable<Lead>(page, 'leads')).map((l) => [l.company, l.source]).sort()).toEqual([
      ['Beta Inc.', 'webinar'],
      ['Gamma KK', 'webinar'],
    ]);
  });

  test('a stage move can be undone, a lost deal needs its reason, a deleted lead comes back with Undo', async ({ app, page }) => {
    await page.clock.setFixedTime(at('10:00'));
    const leads = new LeadPages(page, 'en');
    await app.open('/leads');
    await leads.quickAddButton.click();
    await leads.quickAddField('company').fill('Delta Ltd');
    await leads.quickAddField('source').selectOption('outbound');
    await leads.quickAddField('company').press('Enter');
    // A lead from sales: nothing to log as a marketing win.
    await expect(leads.toast('Lead added: Delta Ltd')).toBeVisible();
    await expect(leads.toast('A lead from marketing')).toHaveCount(0);
    await leads.toast('Lead added: Delta Ltd').getByRole('button', { name: 'Open' }).click();
    await expect(leads.leadHeading('Delta Ltd')).toBeVisible();

    await leads.stageButton('proposal').click();
    await leads.expectStage('proposal');
    await leads.toast('Moved to Proposal').getByRole('button', { name: 'Undo' }).click();
    await leads.expectStage('new');
    // Undo is a change back: the history shows both moves.
    await expect(leads.history.getByText('Moved from New to Proposal')).toBeVisible();
    await expect(leads.history.getByText('Moved from Proposal to New')).toBeVisible();

    await leads.stageButton('lost').click();
    const lost = leads.stageDialog('lost');
    await lost.getByRole('button', { name: 'Mark as lost' }).click();
    await expect(lost.getByText('Choose why the deal was lost.')).toBeVisible();
    await lost.getByLabel('Why was it lost?').selectOption('competitor');
    await lost.getByLabel('What did we learn? (optional)').fill('They had a local partner');
    await app.screenshot('en-lead-lost-dialog');
    await lost.getByRole('button', { name: 'Mark as lost' }).click();
    await expect(lost).toBeHidden();
    await expect(leads.fact(leads.outcome, 'Loss reason')).toHaveText('Competitor');
    await expect(leads.fact(leads.outcome, 'What we learned')).toHaveText('They had a local partner');

    await leads.header('Delta Ltd').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this lead?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(page).toHaveURL(/#\/leads\/list$/);
    await leads.toast('Lead deleted: Delta Ltd').getByRole('button', { name: 'Undo' }).click();
    await expect(leads.leadHeading('Delta Ltd')).toBeVisible();
    await leads.expectStage('lost');

    await app.open('/leads/lead/no-such-lead');
    await expect(page.getByRole('heading', { name: 'This lead is not here' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to the leads' })).toBeVisible();
  });

  test('business cards: three people from one event saved at once, by keyboard', async ({ app, page }) => {
    await page.clock.setFixedTime(at('17:30', '2026-11-18'));
    const leads = new LeadPages(page, 'en');
    await app.open('/leads');
    await leads.cardsButton.click();
    await expect(leads.cards).toBeVisible();
    await page.keyboard.type('Interop Tokyo 2026');
    await leads.cards.getByLabel('Exchange date').fill('2026-11-17');
    await leads.cards.getByLabel('Exchange date').press('Enter');
    await expect(leads.cardField(1, 'name')).toBeFocused();
    await leads.typeCard({ name: 'Hanako Sato', company: 'Beta Inc.', title: 'CTO', email: 'sato@beta.example', phone: '03-1111-2222' });
    await expect(leads.cardField(2, 'name')).toBeFocused();
    await leads.typeCard({ name: 'Ken Ito', company: 'Gamma KK', title: 'Manager' });
    await leads.typeCard({ name: 'Mina Park', company: 'Delta Ltd' });
    await expect(leads.cardField(4, 'name')).toBeFocused();
    await expect(leads.cards.getByRole('button', { name: 'Save cards (3)' })).toBeVisible();
    await app.screenshot('en-business-cards');
    await page.keyboard.press('Control+Enter');
    await expect(leads.cards).toBeHidden();
    await expect(leads.toast('Business cards saved: 3').getByRole('button', { name: 'Undo' })).toBeVisible();

    const saved = (await readTable<Lead>(page, 'leads')).sort((a, b) => a.person.localeCompare(b.person));
    expect(saved.map((l) => [l.person, l.company, l.source, l.sourceDetail, l.note, l.createdAt])).toEqual([
      ['Hanako Sato', 'Beta Inc.', 'trade-show', 'Interop Tokyo 2026', 'Business card exchanged at Interop Tokyo 2026', at('12:00').getTime()],
      ['Ken Ito', 'Gamma KK', 'trade-show', 'Interop Tokyo 2026', 'Business card exchanged at Interop Tokyo 2026', at('12:00').getTime()],
      ['Mina Park', 'Delta Ltd', 'trade-show', 'Interop Tokyo 2026', 'Business card exchanged at Interop Tokyo 2026', at('12:00').getTime()],
    ]);
    expect(saved[0]).toMatchObject({ title: 'CTO', email: 'sato@beta.example', phone: '03-1111-2222' });
  });

  test('business cards: one card without a name or company blocks the save, and nothing is saved', async ({ app, page }) => {
    await page.clock.setFixedTime(at('17:30'));
    const leads = new LeadPages(page, 'en');
    await app.open('/leads');
    await leads.cardsButton.click();
    await page.keyboard.type('Interop Tokyo 2026');
    await page.keyboard.press('Enter');
    await leads.typeCard({ name: 'Hanako Sato', company: 'Beta Inc.' });
    await leads.typeCard({ name: '', company: '', title: 'Sales', email: 'someone@example.com' });
    await leads.typeCard({ name: 'Ken Ito', company: 'Gamma KK' });
    await leads.cards.getByRole('button', { name: 'Save cards (3)' }).click();
    await expect(leads.cards.getByText('Nothing was saved: fix the cards marked above.')).toBeVisible();
    await expect(leads.card(2).getByText('Enter a company or a person.')).toBeVisible();
    await expect(leads.cardField(2, 'name')).toHaveAttribute('aria-invalid', 'true');
    await expect(leads.card(1).getByRole('alert')).toHaveCount(0);
    await app.screenshot('en-business-cards-error');
    expect(await readTable<Lead>(page, 'leads')).toEqual([]);

    // Removing the wrong card lets the other two through.
    await leads.card(2).getByRole('button', { name: 'Remove card 2' }).click();
    await expect(leads.cardField(2, 'name')).toHaveValue('Ken Ito');
    await leads.cards.getByRole('button', { name: 'Save cards (2)' }).click();
    await expect(leads.toast('Business cards saved: 2')).toBeVisible();
    expect((await readTable<Lead>(page, 'leads')).length).toBe(2);
  });

  test('a card from a company already in the pipeline is logged as a contact of that lead', async ({ app, page }) => {
    await page.clock.setFixedTime(at('10:00'));
    const leads = new LeadPages(page, 'en');
    await app.open('/leads');
    await leads.quickAddButton.click();
    await leads.quickAddField('company').fill('ACME Corp');
    await leads.quickAddField('person').fill('Taro Yamada');
    await leads.quickAddField('source').selectOption('web-form');
    await leads.quickAddField('person').press('Enter');
    await expect(leads.toast('Lead added: ACME Corp')).toBeVisible();

    await page.clock.setFixedTime(at('16:00'));
    await leads.cardsButton.click();
    await page.keyboard.type('Client visit');
    await page.keyboard.press('Enter');
    await leads.typeCard({ name: 'Jiro Suzuki', company: 'ACME Corp', title: 'IT manager' });
    await expect(leads.card(1).getByText('ACME Corp already has an open lead.')).toBeVisible();
    await leads.card(1).getByLabel('Add as a contact of an existing lead').check();
    await expect(leads.card(1).getByRole('combobox', { name: 'Existing lead' })).toHaveValue('ACME Corp — Taro Yamada');
    await app.screenshot('en-business-cards-contact');
    await leads.cards.getByRole('button', { name: 'Save cards (1)' }).click();
    await expect(leads.toast('Business cards saved: 1')).toBeVisible();

    const [lead] = await readTable<Lead>(page, 'leads');
    const events = await readTable<LeadEvent>(page, 'leadEvents');
    expect(await readTable<Lead>(page, 'leads')).toHaveLength(1);
    expect(lead!.stage).toBe('contacted');
    expect(events.find((e) => e.type === 'contact')).toMatchObject({
      channel: 'meeting',
      note: 'Business card exchanged at Client visit: Jiro Suzuki · IT manager · ACME Corp',
      at: at('16:00').getTime(),
    });
    await app.open(`/leads/lead/${lead!.id}`);
    await expect(leads.history.getByText('Business card exchanged at Client visit: Jiro Suzuki · IT manager · ACME Corp')).toBeVisible();
  });
});

test.describe('in Japanese', () => {
  test.use({ language: 'ja' });

  test('the lead page, its dialogs and business cards read in Japanese', async ({ app, page }) => {
    const m = MESSAGES.ja;
    await page.clock.setFixedTime(at('10:00'));
    const leads = new LeadPages(page, 'ja');
    await app.open('/leads');
    await leads.quickAddButton.click();
    await leads.quickAddField('company').fill('株式会社サンプル');
    await leads.quickAddField('person').fill('山田 太郎');
    await leads.quickAddField('source').selectOption('newsletter');
    await leads.quickAdd.getByLabel('流入経路の詳細（任意）').fill('見積もりボタン');
    await app.screenshot('ja-lead-quick-add');
    await leads.quickAddField('person').press('Enter');
    await leads.toast('リードを追加しました: 株式会社サンプル').getByRole('button', { name: m.leadForm.quickAdd.open }).click();
    await expect(leads.leadHeading('株式会社サンプル')).toBeVisible();

    await page.clock.setFixedTime(at('11:30'));
    await leads.logContact({ channel: 'visit', note: '20 席分の見積もりを依頼された' });
    await leads.stageButton('opportunity').click();
    await leads.expectStage('opportunity');

    await leads.stageButton('won').click();
    const won = leads.stageDialog('won');
    await won.getByLabel(m.leadForm.field.value).fill('１２０万');
    await expect(won.getByText('￥1,200,000 として保存')).toBeVisible();
    await won.getByLabel(m.leadForm.stage.decisionMoment).fill('同業他社の導入事例');
    await app.screenshot('ja-lead-won-dialog');
    await won.getByRole('button', { name: m.leadForm.stage.save.won }).click();
    await expect(won).toBeHidden();
    await expect(leads.fact(leads.details, '商談金額')).toHaveText('￥1,200,000');
    await app.screenshot('ja-lead-detail');

    await page.keyboard.press('e');
    const edit = page.getByRole('dialog', { name: m.leadForm.edit.title });
    await expect(edit).toBeVisible();
    await edit.getByLabel('メールアドレス').fill('yamada@example.jp');
    await app.screenshot('ja-lead-edit');
    await edit.getByLabel('メールアドレス').press('Enter');
    await expect(edit).toBeHidden();
    await expect(leads.fact(leads.details, 'メールアドレス')).toHaveText('yamada@example.jp');

    await app.open('/leads');
    await leads.cardsButton.click();
    await page.keyboard.type('Interop Tokyo 2026');
    await page.keyboard.press('Enter');
    await leads.typeCard({ name: '佐藤 花子', company: '株式会社ベータ', title: '部長', email: 'sato@beta.example' });
    await leads.typeCard({ name: '', company: '', title: '営業' });
    await leads.cards.getByRole('button', { name: '名刺を保存（2 件）' }).click();
    await expect(leads.card(2).getByText(MESSAGES.ja.leads.error.nameRequired)).toBeVisible();
    await app.screenshot('ja-business-cards');
  });
});
