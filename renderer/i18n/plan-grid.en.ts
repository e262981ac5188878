/**
 * Messages of the week planner grid (renderer/features/plan/WeekGrid.tsx and GridBox.tsx),
 * merged into en.ts under the key `planGrid`. Words follow ../shared/DOMAIN.md.
 */
export const planGridEn = {
  label: 'Week planner',
  help: 'Drag on empty space to add a time box, drag a box to move it, or drag its bottom edge to change its end; everything snaps to 15 minutes and Escape cancels a drag. On a box: Enter opens it, Space starts its timer, Up and Down arrows move it by 15 minutes, Left and Right arrows move it by a day, Shift with Up or Down changes its end by 15 minutes. On a day heading: Enter or N adds a 1-hour box at {{time}}.',
  boxKeys: 'Enter opens, Space starts the timer, arrow keys move by 15 minutes or a day, Shift with Up or Down changes the end.',
  addHint: 'Enter or N adds a 1-hour box at {{time}}.',
  boxLabel: '{{kind}}: {{title}}, {{when}}',
  runningLabel: '{{label}}, timer running',
  untitled: 'Untitled',
  range: '{{start}}–{{end}}',
  when: '{{day}} {{range}}',
  whenAcross: '{{day}} {{start}} – {{endDay}} {{end}}',
  start: 'Start the timer for {{title}}',
  actual: 'Logged inside: {{marketing}} marketing, {{sales}} sales, of {{planned}} planned.',
  changed: 'Now {{when}}',
  dayEnd: 'Ends at midnight',
};

export type PlanGridMessages = typeof planGridEn;
